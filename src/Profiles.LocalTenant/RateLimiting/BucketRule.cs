namespace Profiles.LocalTenant.RateLimiting;

/// <summary>A token bucket: <paramref name="Burst"/> tokens, refilled at <paramref name="Amount"/> per <paramref name="Period"/>.</summary>
public sealed record BucketRule(string Name, int Burst, double Amount, TimeSpan Period, RefillGranularity Granularity, BucketKey KeyedBy)
{
    /// <summary>Tokens added per second of sustained rate.</summary>
    public double RatePerSecond => Amount / Period.TotalSeconds;
}
