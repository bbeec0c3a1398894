using System.Diagnostics.Metrics;

namespace Profiles.Core.Telemetry;

/// <summary>
/// How the account journeys end: one counter, <c>profiles.journey.outcomes</c>, tagged with the journey
/// (<see cref="JourneyNames"/>) and the outcome (<see cref="JourneyOutcomes"/>). Tags are fixed names only, never user data.
/// </summary>
public sealed class JourneyMetrics
{
    public const string OutcomesName = "profiles.journey.outcomes";

    private readonly Counter<long> _outcomes;

    public JourneyMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(PortalTelemetry.MeterName);
        _outcomes = meter.CreateCounter<long>(OutcomesName, unit: "{outcome}",
            description: "Account journeys that reached an outcome (a change made, or refused, throttled or failed).");
    }

    public void Record(string journey, string outcome) =>
        _outcomes.Add(1, new KeyValuePair<string, object?>("journey", journey), new KeyValuePair<string, object?>("outcome", outcome));
}
