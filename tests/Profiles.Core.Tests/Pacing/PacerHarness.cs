using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Profiles.Core.Pacing;
using Profiles.Core.Settings;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Pacing;

/// <summary>A pacer on a fake clock, and helpers that let its background pump run between clock moves.</summary>
public sealed class PacerHarness
{
    public PacerHarness(string plan, FakeTimeProvider? time = null, IRateLimitCoordinator? coordinator = null, Action<PacingOptions>? configure = null)
    {
        Time = time ?? new FakeTimeProvider();
        var options = new ManagementApiOptions();
        options.Pacing.Plan = plan;
        options.Pacing.SafetyMargin = TimeSpan.Zero;
        options.Pacing.AttemptReserve = TimeSpan.Zero;
        configure?.Invoke(options.Pacing);
        Options = Microsoft.Extensions.Options.Options.Create(options);
        Coordinator = coordinator ?? new InMemoryRateLimitCoordinator(Time, Options);
        Pacer = new RateLimitPacer(Coordinator, Time, Options, NullLogger<RateLimitPacer>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public IOptions<ManagementApiOptions> Options { get; }

    public IRateLimitCoordinator Coordinator { get; }

    public RateLimitPacer Pacer { get; }

    /// <summary>Starts a save for <paramref name="user"/>; the task ends with the fake time at which it was admitted.</summary>
    public Task<DateTimeOffset> SaveAsync(string user, DateTimeOffset? deadline = null, CancellationToken cancellationToken = default) =>
        Admitted(Pacer.AcquireAsync(HttpMethod.Patch, "/api/v2/users/" + user, deadline, cancellationToken));

    /// <summary>Lets queued work and the pump run (real time), then moves the fake clock by <paramref name="step"/>.</summary>
    public static async Task StepAsync(FakeTimeProvider time, TimeSpan step, int settleMs = 20)
    {
        await Task.Delay(settleMs);
        time.Advance(step);
        await Task.Delay(settleMs);
    }

    private async Task<DateTimeOffset> Admitted(ValueTask<string?> acquire)
    {
        await acquire;
        return Time.GetUtcNow();
    }
}
