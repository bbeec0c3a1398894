namespace Profiles.Core.Pacing;

/// <summary>The shape of one Auth0 token bucket: <paramref name="Burst"/> tokens, refilled at <paramref name="RatePerSecond"/>,
/// either continuously (Auth0 refills per-second limits every millisecond) or in whole seconds (per-minute limits).</summary>
public sealed record BucketProfile(int Burst, double RatePerSecond, bool RefillsEverySecond)
{
    /// <summary>The refill step.</summary>
    public TimeSpan Interval => RefillsEverySecond ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(1);

    /// <summary>Tokens added per <see cref="Interval"/>.</summary>
    public double TokensPerInterval => RatePerSecond * Interval.TotalSeconds;

    /// <summary>How long before the refill that brings one more token after an empty bucket.</summary>
    public TimeSpan OneTokenLead => RefillsEverySecond ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / RatePerSecond);
}
