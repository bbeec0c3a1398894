namespace Profiles.Core.Applications;

/// <summary>The codes of the connected-applications results (also the resource keys' suffixes).</summary>
public static class ApplicationsCodes
{
    /// <summary>The application's grant and refresh tokens were revoked.</summary>
    public const string Removed = "Removed";

    /// <summary>The user has no grant or refresh token for that application (already removed, or never connected).</summary>
    public const string NotConnected = "NotConnected";

    /// <summary>The portal's own application cannot be removed from inside it: signing out does that.</summary>
    public const string IsPortal = "IsPortal";

    /// <summary>Auth0 is busy or unreachable; nothing or only part was revoked, and trying again is safe.</summary>
    public const string Busy = "Busy";

    /// <summary>Auth0 refused (a missing scope or a plan without the endpoint).</summary>
    public const string Failed = "Failed";
}
