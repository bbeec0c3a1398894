namespace Profiles.Core.Devices;

/// <summary>The devices page's content. <see cref="Auth0Sessions"/> is false when only the portal's own sessions could be
/// listed (see <see cref="DevicesCodes.SessionsUnavailable"/>).</summary>
public sealed record DeviceList(IReadOnlyList<DeviceSession> Sessions, bool Auth0Sessions);
