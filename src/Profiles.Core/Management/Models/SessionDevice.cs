namespace Profiles.Core.Management.Models;

/// <summary>The device a session started and was last used on.</summary>
public sealed class SessionDevice
{
    public string? InitialUserAgent { get; set; }

    public string? InitialIp { get; set; }

    public string? InitialAsn { get; set; }

    public string? LastUserAgent { get; set; }

    public string? LastIp { get; set; }

    public string? LastAsn { get; set; }
}
