namespace Profiles.Core.Devices;

/// <summary>An application that used a session: its client id, the operator's name for it if any, and whether it is this
/// portal (which needs no configured name).</summary>
public sealed record DeviceApplication(string ClientId, string? Name, bool IsThisPortal);
