namespace Profiles.Core.Devices;

/// <summary>One place the user is signed in, ready to show. <see cref="Id"/> is the Auth0 session id (null for a portal-only
/// entry); <see cref="PortalSessionId"/> is the portal session on that device (null when the portal is not signed in there);
/// <see cref="Applications"/> are the applications that used it; <see cref="SignInMethods"/> are Auth0's method names
/// (<c>pwd</c>, <c>federated</c>, <c>passkey</c>, <c>mfa</c>, …), <see cref="Ending"/> is true for a session already signed out
/// whose deletion Auth0 has not finished.</summary>
public sealed record DeviceSession(
    string? Id,
    bool IsCurrent,
    UserAgentDescription Device,
    string? FirstIp,
    string? LastIp,
    DateTimeOffset? SignedInAt,
    DateTimeOffset? LastActiveAt,
    IReadOnlyList<DeviceApplication> Applications,
    IReadOnlyList<string> SignInMethods,
    bool Ending,
    string? PortalSessionId = null);
