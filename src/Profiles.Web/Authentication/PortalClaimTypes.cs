namespace Profiles.Web.Authentication;

/// <summary>JWT claim names the portal keeps from the ID token (inbound claim mapping is off).</summary>
public static class PortalClaimTypes
{
    public const string Subject = "sub";
    public const string SessionId = "sid";
    public const string AuthTime = "auth_time";
    public const string Name = "name";
    public const string Email = "email";
    public const string EmailVerified = "email_verified";
    public const string Picture = "picture";

    /// <summary>The portal's own id for this cookie session (not from Auth0), added when the session starts.</summary>
    public const string PortalSessionId = "profiles_sid";

    public static readonly IReadOnlySet<string> Kept = new HashSet<string>(StringComparer.Ordinal)
    {
        Subject, SessionId, AuthTime, Name, Email, EmailVerified, Picture,
    };
}
