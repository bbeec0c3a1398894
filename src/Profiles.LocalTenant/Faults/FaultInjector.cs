using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Hosting;

namespace Profiles.LocalTenant.Faults;

/// <summary>The faults currently injected; set at start-up (<c>LocalTenant:Faults</c>) and through <c>/local/faults</c>.</summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private FaultSettings _settings;

    public FaultInjector(IOptions<LocalTenantOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value.Faults.Clone();
    }

    public FaultSettings Current
    {
        get
        {
            lock (_lock)
            {
                return _settings.Clone();
            }
        }
    }

    public void Set(FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.LatencyMs < 0 || settings.JitterMs < 0 || settings.ServerErrorRate is < 0 or > 1 || settings.DropRate is < 0 or > 1)
        {
            throw new ArgumentException("Latencies must be ≥ 0 and rates within 0..1.", nameof(settings));
        }

        lock (_lock)
        {
            _settings = settings.Clone();
        }
    }

    /// <summary>What to do with one request, drawn at random from the current settings.</summary>
    public FaultPlan Draw()
    {
        var settings = Current;
        var delay = TimeSpan.FromMilliseconds(settings.LatencyMs + (settings.JitterMs > 0 ? Random.Shared.Next(settings.JitterMs + 1) : 0));
        var roll = Random.Shared.NextDouble();
        var outcome = roll < settings.DropRate ? FaultOutcome.Drop
            : roll < settings.DropRate + settings.ServerErrorRate ? FaultOutcome.ServerError
            : FaultOutcome.None;
        return new FaultPlan(delay, outcome, settings.FaultAfterEffect);
    }
}
