using Profiles.Core.Pacing;

namespace Profiles.Core.Settings;

/// <summary>How the portal calls the Management API v2, section <c>Auth0:Management</c>.</summary>
public sealed class ManagementApiOptions
{
    public const string SectionName = "Auth0:Management";

    /// <summary>Machine-to-machine client id; defaults to <see cref="Auth0Options.ClientId"/> when empty.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Machine-to-machine client secret; defaults to <see cref="Auth0Options.ClientSecret"/> when empty.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Token audience; defaults to <c>{Authority}/api/v2/</c> (with the trailing slash Auth0 requires).</summary>
    public string Audience { get; set; } = "";

    /// <summary>Longest single HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest logical call, all attempts and rate-limit waits included. A wait that would end later is not started:
    /// the caller gets the rate-limit error and tells the user when to try again.</summary>
    public TimeSpan RequestBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>How long a read profile is served from memory.</summary>
    public int ProfileCacheSeconds { get; set; } = 60;

    /// <summary>How long a failed profile read is remembered, so page views in that time get the same answer without another call
    /// (0 turns it off). Short on purpose: a temporary failure should not outlive itself by much.</summary>
    public int FailedReadCacheSeconds { get; set; } = 5;

    /// <summary>Share of failed attempts (5xx, timeouts, network errors; never 429) that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts within <see cref="BreakerSamplingDuration"/> before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls fail fast once the circuit opened.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Client-side pacing against the tenant's rate-limit buckets.</summary>
    public PacingOptions Pacing { get; set; } = new();
}
