namespace Profiles.Core.Devices;

/// <summary>A browser and operating system recognised in a user agent; null where not recognised. Names are product names
/// (not translated); the web layer words them ("Firefox on Windows").</summary>
public sealed record UserAgentDescription(string? Browser, string? OperatingSystem, bool IsMobile)
{
    public static UserAgentDescription Unknown { get; } = new(null, null, false);
}
