namespace Profiles.Core.Security;

/// <summary>A portal sign-in as recorded for the devices page. <see cref="ReplacesSessionId"/> is the session this browser held
/// before (a re-authentication issues a new one): its row goes, so one browser is one row.</summary>
public sealed record PortalSessionStart(
    string UserId,
    string SessionId,
    string? Auth0SessionId,
    string? UserAgent,
    string? IpAddress,
    DateTimeOffset ExpiresAt,
    string? ReplacesSessionId);
