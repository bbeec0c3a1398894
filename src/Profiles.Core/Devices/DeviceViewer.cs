namespace Profiles.Core.Devices;

/// <summary>Who is looking at the devices page and from where: the user, this browser's Auth0 session (<c>sid</c>) and portal
/// session, and this request's user agent and IP address (shown for this device when Auth0's sessions cannot be read).</summary>
public sealed record DeviceViewer(string UserId, string? Auth0SessionId, string? PortalSessionId, string? UserAgent, string? IpAddress);
