using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Hosting;

namespace Profiles.LocalTenant.RateLimiting;

/// <summary>All buckets of the tenant, under the current plan (switchable at run time through the control endpoint).</summary>
public sealed class RateLimitRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Bucket, string Key), TokenBucket> _buckets = [];
    private readonly TimeProvider _time;
    private string _plan;

    public RateLimitRegistry(TimeProvider time, IOptions<LocalTenantOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _plan = options.Value.Plan;
        SendRetryAfter = options.Value.SendRetryAfter;
    }

    public string Plan
    {
        get
        {
            lock (_lock)
            {
                return _plan;
            }
        }
    }

    public bool SendRetryAfter { get; set; }

    /// <summary>Switches plan and starts every bucket full again.</summary>
    public void SetPlan(string plan)
    {
        if (!PlanProfiles.IsKnown(plan))
        {
            throw new ArgumentException("Unknown plan.", nameof(plan));
        }

        lock (_lock)
        {
            _plan = plan;
            _buckets.Clear();
        }
    }

    /// <summary>Takes a token from every bucket the request hits, or none when one of them is empty. Null when unlimited.</summary>
    public RateLimitDecision? TryAcquire(RequestKind kind, Func<BucketKey, string> keyOf)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(keyOf);
        lock (_lock)
        {
            var rules = PlanProfiles.RulesFor(_plan, kind);
            if (rules.Count == 0)
            {
                return null;
            }

            var now = _time.GetUtcNow();
            var buckets = rules.Select(rule => Bucket(rule, keyOf(rule.KeyedBy), now)).ToList();
            foreach (var bucket in buckets)
            {
                bucket.Refill(now);
            }

            var empty = buckets.FirstOrDefault(b => !b.HasToken);
            if (empty is not null)
            {
                return Decision(empty, allowed: false, now);
            }

            foreach (var bucket in buckets)
            {
                bucket.Take();
            }

            // The most constrained bucket is what a client must pace against.
            return Decision(buckets.MinBy(b => b.Remaining)!, allowed: true, now);
        }
    }

    private TokenBucket Bucket(BucketRule rule, string key, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue((rule.Name, key), out var bucket))
        {
            bucket = new TokenBucket(rule, now);
            _buckets[(rule.Name, key)] = bucket;
        }

        return bucket;
    }

    private static RateLimitDecision Decision(TokenBucket bucket, bool allowed, DateTimeOffset now)
    {
        var next = bucket.NextTokenAt(now);
        var reset = (long)Math.Ceiling(next.ToUnixTimeMilliseconds() / 1000.0);
        var retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((next - now).TotalSeconds)));
        return new RateLimitDecision(allowed, bucket.Rule.Burst, bucket.Remaining, reset, retryAfter, bucket.Rule.Name);
    }
}
