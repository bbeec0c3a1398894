using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Profiles.Core.Pacing;
using Profiles.Core.Settings;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Pacing;

/// <summary>A pacer on a fake clock. The clock moves only when the pacer has finished reacting to the last move: its pump is
/// asleep on the clock and every token it was granted has reached its caller, who noted the (fake) time it got in.</summary>
public sealed class PacerHarness
{
    private readonly CountingCoordinator _coordinator;
    private int _started;
    private int _finished;
    private int _admitted;

    public PacerHarness(string plan, FakeTimeProvider? time = null, IRateLimitCoordinator? coordinator = null, Action<PacingOptions>? configure = null)
    {
        Time = time ?? new FakeTimeProvider(FakeClock.Start);
        var options = new ManagementApiOptions();
        options.Pacing.Plan = plan;
        options.Pacing.SafetyMargin = TimeSpan.Zero;
        options.Pacing.AttemptReserve = TimeSpan.Zero;
        // The harness's calls are never answered: nothing stays in flight.
        options.Pacing.InFlightHorizon = TimeSpan.Zero;
        configure?.Invoke(options.Pacing);
        Options = Microsoft.Extensions.Options.Options.Create(options);
        _coordinator = new CountingCoordinator(coordinator ?? new InMemoryRateLimitCoordinator(Time, Options));
        Pacer = new RateLimitPacer(_coordinator, Time, Options, NullLogger<RateLimitPacer>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public IOptions<ManagementApiOptions> Options { get; }

    public IRateLimitCoordinator Coordinator => _coordinator;

    public RateLimitPacer Pacer { get; }

    /// <summary>Saves started through <see cref="SaveAsync"/> that have neither got in nor failed.</summary>
    private int Queued => Volatile.Read(ref _started) - Volatile.Read(ref _finished);

    /// <summary>Starts a save for <paramref name="user"/>; the task ends with the fake time at which it was admitted.</summary>
    public Task<DateTimeOffset> SaveAsync(string user, DateTimeOffset? deadline = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _started);
        return Admitted(Pacer.AcquireAsync(HttpMethod.Patch, "/api/v2/users/" + user, deadline, cancellationToken));
    }

    /// <summary>Moves the fake clock by <paramref name="step"/> and returns once this pacer has reacted to it.</summary>
    public Task StepAsync(TimeSpan step) => StepAsync(step, this);

    /// <summary>Returns once this pacer's pump is asleep on the clock (or has nothing left to do).</summary>
    public Task SettledAsync() => Eventually.TrueAsync(() => Asleep(Time, [this]), "the pacer's pump to go to sleep");

    /// <summary>Moves the shared fake clock of <paramref name="harnesses"/> once every one of them is asleep, then returns once
    /// each has handed the tokens of its wake-up to its callers and gone back to sleep.</summary>
    public static async Task StepAsync(TimeSpan step, params PacerHarness[] harnesses)
    {
        var time = harnesses[0].Time;
        await Eventually.TrueAsync(() => Asleep(time, harnesses), "the pacers' pumps to go to sleep");
        var before = harnesses.Select(h => (Granted: h._coordinator.Granted, Admitted: Volatile.Read(ref h._admitted))).ToArray();
        time.Advance(step);
        await Eventually.TrueAsync(
            () => harnesses.Select((h, i) => h._coordinator.Granted - before[i].Granted == Volatile.Read(ref h._admitted) - before[i].Admitted).All(handedOver => handedOver)
                && Asleep(time, harnesses),
            "the pacers to hand out the tokens of their wake-up");
    }

    /// <summary>Every pacer that still has callers waiting has its pump asleep on a timer (the pumps are the only timers).</summary>
    private static bool Asleep(FakeTimeProvider time, PacerHarness[] harnesses) =>
        time.PendingTimers() >= harnesses.Count(h => h.Queued > 0);

    private async Task<DateTimeOffset> Admitted(ValueTask<string?> acquire)
    {
        try
        {
            await acquire.ConfigureAwait(false);
            var at = Time.GetUtcNow();
            Interlocked.Increment(ref _admitted);
            return at;
        }
        finally
        {
            Interlocked.Increment(ref _finished);
        }
    }

    /// <summary>Counts the tokens the coordinator grants, so a step can wait until each has reached a caller.</summary>
    private sealed class CountingCoordinator(IRateLimitCoordinator inner) : IRateLimitCoordinator
    {
        private int _granted;

        public int Granted => Volatile.Read(ref _granted);

        public async ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, int wanted, CancellationToken cancellationToken)
        {
            var lease = await inner.LeaseAsync(group, profile, wanted, cancellationToken);
            Interlocked.Add(ref _granted, lease.Granted);
            return lease;
        }

        public async ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, IReadOnlyList<DateTimeOffset> deadlines, CancellationToken cancellationToken)
        {
            var lease = await inner.LeaseAsync(group, profile, deadlines, cancellationToken);
            Interlocked.Add(ref _granted, lease.Granted);
            return lease;
        }

        public ValueTask PauseAsync(string group, BucketProfile profile, DateTimeOffset until, CancellationToken cancellationToken) =>
            inner.PauseAsync(group, profile, until, cancellationToken);

        public ValueTask CapAsync(string group, BucketProfile profile, double atMost, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
            inner.CapAsync(group, profile, atMost, sentAt, cancellationToken);

        public ValueTask AnchorAsync(string group, BucketProfile profile, DateTimeOffset firstAnswerAt, CancellationToken cancellationToken) =>
            inner.AnchorAsync(group, profile, firstAnswerAt, cancellationToken);
    }
}
