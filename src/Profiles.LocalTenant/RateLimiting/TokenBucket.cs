namespace Profiles.LocalTenant.RateLimiting;

/// <summary>One token bucket, full at creation, refilled in whole intervals (a millisecond or a second) as Auth0 describes.</summary>
internal sealed class TokenBucket
{
    private readonly BucketRule _rule;
    private double _tokens;
    private DateTimeOffset _lastRefill;

    public TokenBucket(BucketRule rule, DateTimeOffset now)
    {
        _rule = rule;
        _tokens = rule.Burst;
        _lastRefill = now;
    }

    public BucketRule Rule => _rule;

    public int Remaining => (int)Math.Floor(_tokens);

    public bool HasToken => _tokens >= 1;

    public void Refill(DateTimeOffset now)
    {
        var interval = Interval;
        var intervals = Math.Floor((now - _lastRefill) / interval);
        if (intervals <= 0)
        {
            return;
        }

        _lastRefill += interval * intervals;
        _tokens = Math.Min(_rule.Burst, _tokens + (intervals * _rule.RatePerSecond * interval.TotalSeconds));
    }

    public void Take() => _tokens -= 1;

    /// <summary>When the next whole token will be in the bucket (now when the bucket is full).</summary>
    public DateTimeOffset NextTokenAt(DateTimeOffset now)
    {
        if (_tokens >= _rule.Burst)
        {
            return now;
        }

        var deficit = Math.Floor(_tokens) + 1 - _tokens;
        var perInterval = _rule.RatePerSecond * Interval.TotalSeconds;
        var intervals = Math.Ceiling(deficit / perInterval - 1e-9);
        return _lastRefill + (Interval * Math.Max(1, intervals));
    }

    private TimeSpan Interval => _rule.Granularity == RefillGranularity.Millisecond ? TimeSpan.FromMilliseconds(1) : TimeSpan.FromSeconds(1);
}
