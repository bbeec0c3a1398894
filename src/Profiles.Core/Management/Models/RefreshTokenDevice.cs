namespace Profiles.Core.Management.Models;

/// <summary>Where a refresh token was first and last used.</summary>
public sealed class RefreshTokenDevice
{
    public string? InitialIp { get; set; }

    public string? InitialUserAgent { get; set; }

    public string? LastIp { get; set; }

    public string? LastUserAgent { get; set; }
}
