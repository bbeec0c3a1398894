namespace Profiles.Core.Devices;

/// <summary>An application that used a session: its client id, its name (<see cref="Applications.ClientNames"/>: the operator's
/// configuration, else Auth0's; null when neither names it) and whether it is this portal (which needs no name).</summary>
public sealed record DeviceApplication(string ClientId, string? Name, bool IsThisPortal);
