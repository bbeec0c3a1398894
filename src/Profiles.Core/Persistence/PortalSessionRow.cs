namespace Profiles.Core.Persistence;

/// <summary>
/// Table <c>portal_sessions</c>: one signed-in portal session, for the devices page. Only what that page shows is kept: the
/// browser and system in words (never the whole user agent), the first and latest IP address, when it began and was last
/// seen, and the Auth0 session (<c>sid</c>) it rode on. A row goes when its session ends (sign-out, revocation, account
/// deletion) or expires (<see cref="ExpiresAtMs"/>, swept at each sign-in and listing).
/// </summary>
public sealed class PortalSessionRow
{
    public string SessionId { get; set; } = "";

    public string UserKey { get; set; } = "";

    public string? Auth0SessionId { get; set; }

    public string? Browser { get; set; }

    public string? OperatingSystem { get; set; }

    public bool IsMobile { get; set; }

    public string? FirstIp { get; set; }

    public string? LastIp { get; set; }

    public long SignedInAtMs { get; set; }

    public long LastSeenAtMs { get; set; }

    /// <summary>When the session can no longer be used: the earlier of its idle and absolute ends, moved on as it is used.</summary>
    public long ExpiresAtMs { get; set; }
}
