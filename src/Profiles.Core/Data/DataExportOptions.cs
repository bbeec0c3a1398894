using System.ComponentModel.DataAnnotations;

namespace Profiles.Core.Data;

/// <summary>"Download my data" settings, section <c>Profiles:DataExport</c>.</summary>
public sealed class DataExportOptions
{
    public const string SectionName = "Profiles:DataExport";

    /// <summary>Minimum time between two downloads by the same user (each one reads the Management API).</summary>
    [Range(0, 7 * 24 * 60)]
    public int CooldownMinutes { get; set; } = 10;

    /// <summary>Most recent security events included.</summary>
    [Range(0, 10_000)]
    public int MaxSecurityEvents { get; set; } = 200;
}
