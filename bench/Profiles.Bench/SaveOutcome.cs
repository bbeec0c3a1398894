namespace Profiles.Bench;

/// <summary>One logical save: when it arrived and finished (relative to the run's start) and how it ended.</summary>
public sealed record SaveOutcome(TimeSpan Arrival, TimeSpan Finished, bool Succeeded, string Failure)
{
    public TimeSpan Latency => Finished - Arrival;
}
