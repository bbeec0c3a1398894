using Profiles.Core.Devices;

namespace Profiles.Core.Security;

/// <summary>One signed-in portal session as the devices page shows it. <see cref="Auth0SessionId"/> is the Auth0 session it
/// rode on (the ID token's <c>sid</c>), which lets the page show both on one row.</summary>
public sealed record ActivePortalSession(
    string SessionId,
    string? Auth0SessionId,
    UserAgentDescription Device,
    string? FirstIp,
    string? LastIp,
    DateTimeOffset SignedInAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset ExpiresAt);
