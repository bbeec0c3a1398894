using System.Collections.Concurrent;
using Profiles.Core.Pacing;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Pacing;

/// <summary>What a pacer tells its coordinator about its waiters: their admission deadlines, in the order it serves them, so a
/// shared coordinator can give a scarce token to the instance whose waiter runs out first.</summary>
public sealed class PacedGroupDeadlinesTests
{
    [Fact]
    public async Task The_pump_asks_for_its_waiters_with_their_deadlines_in_the_order_it_serves_them()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        var recording = new RecordingCoordinator(new InMemoryRateLimitCoordinator(time, new PacerHarness("free", time).Options));
        var harness = new PacerHarness("free", time, recording);
        var now = time.GetUtcNow();
        await harness.SaveAsync("a");
        await harness.SaveAsync("b");

        // Users take turns: the busy user's first save, the other user's, then the busy user's second.
        var saves = new[] { harness.SaveAsync("busy", now.AddSeconds(3)), harness.SaveAsync("busy", now.AddSeconds(4)), harness.SaveAsync("other", now.AddSeconds(5)) };
        await harness.StepAsync(TimeSpan.FromMilliseconds(500));

        Assert.Contains(recording.Takes, take => take.SequenceEqual([now.AddSeconds(3), now.AddSeconds(5), now.AddSeconds(4)]));
        Assert.Equal(1, saves.Count(s => s.IsCompleted));
        Assert.True(saves[0].IsCompleted);
    }

    private sealed class RecordingCoordinator(IRateLimitCoordinator inner) : IRateLimitCoordinator
    {
        public ConcurrentQueue<IReadOnlyList<DateTimeOffset>> Takes { get; } = new();

        public ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, int wanted, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The pacer passes its waiters' deadlines.");

        public ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, IReadOnlyList<DateTimeOffset> deadlines, CancellationToken cancellationToken)
        {
            Takes.Enqueue([.. deadlines]);
            return inner.LeaseAsync(group, profile, deadlines, cancellationToken);
        }

        public ValueTask PauseAsync(string group, BucketProfile profile, DateTimeOffset until, CancellationToken cancellationToken) =>
            inner.PauseAsync(group, profile, until, cancellationToken);

        public ValueTask CapAsync(string group, BucketProfile profile, double atMost, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
            inner.CapAsync(group, profile, atMost, sentAt, cancellationToken);

        public ValueTask AnchorAsync(string group, BucketProfile profile, DateTimeOffset firstAnswerAt, CancellationToken cancellationToken) =>
            inner.AnchorAsync(group, profile, firstAnswerAt, cancellationToken);
    }
}
