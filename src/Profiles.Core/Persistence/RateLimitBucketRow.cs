namespace Profiles.Core.Persistence;

/// <summary>Table <c>rate_limit_buckets</c>: the shared view of one Auth0 bucket group. Instants are UNIX milliseconds so every
/// provider can compare them.</summary>
public sealed class RateLimitBucketRow
{
    public string BucketGroup { get; set; } = "";

    public double Tokens { get; set; }

    public long LastRefillMs { get; set; }

    public long PausedUntilMs { get; set; }

    public bool Anchored { get; set; }

    public int Burst { get; set; }

    public double RatePerSecond { get; set; }

    public bool RefillsEverySecond { get; set; }

    /// <summary>Optimistic concurrency: each update bumps it, and an update that finds another version is retried.</summary>
    public long Version { get; set; }
}
