using System.ComponentModel.DataAnnotations;

namespace Profiles.Core.Caching;

/// <summary>The account-state cache, section <c>Profiles:Cache</c>.</summary>
public sealed class PortalCacheOptions
{
    public const string SectionName = "Profiles:Cache";

    /// <summary>How long session revocations and the "no deletion scheduled" answer are served from the cache before the
    /// database is read again. Every write invalidates at once; this only bounds how stale an instance can be when a write
    /// could not reach the cache (Redis down) or when several instances run without Redis.</summary>
    [Range(1, 3_600)]
    public int AccountStateSeconds { get; set; } = 60;
}
