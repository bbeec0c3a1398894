using Microsoft.Extensions.Options;
using Profiles.Core.Settings;

namespace Profiles.Core.Pacing;

/// <summary>Bucket state of one portal instance.</summary>
public sealed class InMemoryRateLimitCoordinator(TimeProvider timeProvider, IOptions<ManagementApiOptions> options) : IRateLimitCoordinator
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (BucketProfile Profile, BucketState State)> _buckets = new(StringComparer.Ordinal);
    private readonly TimeSpan _margin = options?.Value.Pacing.SafetyMargin ?? TimeSpan.Zero;

    public ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, int wanted, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            return ValueTask.FromResult(Bucket(group, profile, now).Take(profile, wanted, now, _margin));
        }
    }

    public ValueTask PauseAsync(string group, BucketProfile profile, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            Bucket(group, profile, now).Drain(profile, now, until, _margin);
            return ValueTask.CompletedTask;
        }
    }

    public ValueTask CapAsync(string group, BucketProfile profile, double atMost, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            Bucket(group, profile, now).Cap(profile, now, atMost, _margin, sentAt);
            return ValueTask.CompletedTask;
        }
    }

    public ValueTask AnchorAsync(string group, BucketProfile profile, DateTimeOffset firstAnswerAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Bucket(group, profile, timeProvider.GetUtcNow()).Anchor(firstAnswerAt, _margin);
            return ValueTask.CompletedTask;
        }
    }

    private BucketState Bucket(string group, BucketProfile profile, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue(group, out var entry))
        {
            entry = (profile, BucketState.Full(profile, now));
        }
        else if (entry.Profile != profile)
        {
            // A learned size: keep the state, but never more tokens than the new bucket holds.
            entry.State.Tokens = Math.Min(entry.State.Tokens, profile.Burst);
            entry = (profile, entry.State);
        }

        _buckets[group] = entry;
        return entry.State;
    }
}
