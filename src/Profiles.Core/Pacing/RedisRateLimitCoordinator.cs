using System.Globalization;
using Microsoft.Extensions.Options;
using Profiles.Core.Settings;
using StackExchange.Redis;

namespace Profiles.Core.Pacing;

/// <summary>Bucket state shared by every portal instance through Redis: one hash per tenant bucket group, changed only by
/// <see cref="RedisBucketScript"/>, one atomic script run per lease, pause, cap or anchor.
/// <para>Time comes from the caller's <see cref="TimeProvider"/>, not Redis <c>TIME</c>: the lease's next-token instant is
/// slept on with that same provider, the tenant's pause ends (<c>x-ratelimit-reset</c>, <c>Retry-After</c>) are read against it,
/// and tests drive it with a fake clock. The script never moves the refill phase backwards, so an instance whose clock lags
/// only under-spends; one whose clock leads by less than <see cref="PacingOptions.SafetyMargin"/> (NTP keeps hosts within a
/// few milliseconds) is still behind the tenant's refill.</para></summary>
public sealed class RedisRateLimitCoordinator : IRateLimitCoordinator
{
    /// <summary>Prefix of every key the pacer writes.</summary>
    public const string KeyPrefix = "profiles:pacer:";

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _margin;
    private readonly TimeSpan _inFlightHorizon;
    private readonly string _tenant;
    // This instance in the bucket's table of waiters (RedisBucketScript): one per coordinator, so per portal process.
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public RedisRateLimitCoordinator(IConnectionMultiplexer redis, TimeProvider timeProvider, IOptions<ManagementApiOptions> options, IOptions<Auth0Options> auth0)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(auth0);
        _redis = redis;
        _timeProvider = timeProvider;
        _margin = options.Value.Pacing.SafetyMargin;
        _inFlightHorizon = options.Value.Pacing.InFlightHorizon;
        // Buckets are per tenant: two portals on one Redis against different tenants must not share a budget.
        _tenant = auth0.Value.Domain.Trim().TrimEnd('/').ToUpperInvariant();
    }

    /// <summary>The Redis key of <paramref name="group"/>'s bucket.</summary>
    public RedisKey KeyOf(string group) => KeyPrefix + _tenant + ":" + group;

    /// <summary>Takes up to <paramref name="wanted"/> tokens for waiters whose deadlines are unknown: only tokens no other
    /// instance's waiter is expected back for.</summary>
    public async ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, int wanted, CancellationToken cancellationToken)
    {
        var (granted, next, _) = await RunAsync(group, profile, RedisBucketScript.Take, wanted);
        return new TokenLease(granted, next);
    }

    public async ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, IReadOnlyList<DateTimeOffset> deadlines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var (granted, next, _) = await RunAsync(group, profile, RedisBucketScript.Take, deadlines.Count,
            deadlines: string.Join(',', deadlines.Select(d => Text(Milliseconds(d)))));
        return new TokenLease(granted, next);
    }

    public async ValueTask PauseAsync(string group, BucketProfile profile, DateTimeOffset until, CancellationToken cancellationToken) =>
        await RunAsync(group, profile, RedisBucketScript.Drain, Milliseconds(until));

    public async ValueTask CapAsync(string group, BucketProfile profile, double atMost, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        await RunAsync(group, profile, RedisBucketScript.Cap, atMost, Milliseconds(sentAt));

    public async ValueTask AnchorAsync(string group, BucketProfile profile, DateTimeOffset firstAnswerAt, CancellationToken cancellationToken) =>
        await RunAsync(group, profile, RedisBucketScript.Anchor, Milliseconds(firstAnswerAt));

    /// <summary>The tokens the shared bucket holds now (after the refill up to now), for tests and diagnostics.</summary>
    public async Task<double> TokensAsync(string group, BucketProfile profile) =>
        (await RunAsync(group, profile, RedisBucketScript.Peek, 0)).Tokens;

    private async Task<(int Granted, DateTimeOffset Next, double Tokens)> RunAsync(string group, BucketProfile profile, string operation, double argument,
        double sentAt = 0, string deadlines = "")
    {
        ArgumentNullException.ThrowIfNull(profile);
        var now = _timeProvider.GetUtcNow();
        // Long enough for an empty bucket to refill completely: after that a missing key (a full bucket) is the truth anyway.
        var idle = TimeSpan.FromSeconds(Math.Ceiling(profile.Burst / profile.RatePerSecond)) + profile.Interval + _margin + TimeSpan.FromMinutes(1);
        RedisValue[] arguments =
        [
            operation,
            Text(Milliseconds(now)),
            Text(_margin.TotalMilliseconds),
            profile.Burst,
            Text(profile.TokensPerInterval),
            Text(profile.Interval.TotalMilliseconds),
            Text(profile.OneTokenLead.TotalMilliseconds),
            Text(argument),
            Text(idle.TotalMilliseconds),
            Text(sentAt),
            Text(Math.Max(0, _inFlightHorizon.TotalMilliseconds)),
            _instance,
            deadlines,
        ];
        var key = KeyOf(group);
        var result = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(RedisBucketScript.Source, [key, key.Append(":flight"), key.Append(":landed"), key.Append(":waiting")], arguments))!;
        var next = double.Parse((string)result[1]!, CultureInfo.InvariantCulture);
        return ((int)result[0], FromMilliseconds(next), double.Parse((string)result[2]!, CultureInfo.InvariantCulture));
    }

    private static double Milliseconds(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    private static DateTimeOffset FromMilliseconds(double milliseconds) =>
        DateTimeOffset.UnixEpoch + TimeSpan.FromTicks((long)Math.Ceiling(milliseconds * TimeSpan.TicksPerMillisecond));

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
