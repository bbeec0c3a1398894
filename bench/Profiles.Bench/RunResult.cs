using Profiles.LocalTenant.Faults;

namespace Profiles.Bench;

/// <summary>The measured figures of one strategy on one (plan, workload).</summary>
public sealed record RunResult(
    PlanUnderTest Plan,
    string Workload,
    Strategy Strategy,
    int Saves,
    int Successes,
    int TheoreticalMax,
    int Attempts,
    int Answered429,
    int Duplicates,
    TimeSpan P50,
    TimeSpan P99,
    TimeSpan LowerBoundP50,
    TimeSpan LowerBoundP99,
    IReadOnlyList<TimeSpan> SuccessTimes,
    IReadOnlyList<TimeSpan> IdealSuccessTimes,
    IReadOnlyDictionary<string, int> Failures)
{
    public double GoodputRatio => TheoreticalMax == 0 ? 1 : (double)Successes / TheoreticalMax;

    public double AttemptsPerSave => Saves == 0 ? 0 : (double)Attempts / Saves;

    public double Share429 => Attempts == 0 ? 0 : (double)Answered429 / Attempts;

    public static RunResult From(PlanUnderTest plan, Workload workload, Strategy strategy, IReadOnlyList<SaveOutcome> outcomes,
        IReadOnlyList<LoggedRequest> log, TimeSpan roundTrip)
    {
        var ideal = IdealSchedule.Run(plan, workload.Arrivals, StrategyRun.Budget, roundTrip);
        var patches = log.Where(r => r.Method == "PATCH" && r.Path.StartsWith("/api/v2/users/", StringComparison.Ordinal)).ToList();
        var duplicates = patches.Where(r => r.StatusCode is >= 200 and < 300).GroupBy(r => r.Path).Sum(g => g.Count() - 1);
        var succeeded = outcomes.Where(o => o.Succeeded).ToList();
        var latencies = succeeded.Select(o => o.Latency).Order().ToList();
        var idealLatencies = ideal.Latencies.Order().ToList();
        return new RunResult(plan, workload.Name, strategy, outcomes.Count, succeeded.Count, ideal.Successes, patches.Count,
            patches.Count(r => r.StatusCode == 429), duplicates, Percentile(latencies, 0.5), Percentile(latencies, 0.99),
            Percentile(idealLatencies, 0.5), Percentile(idealLatencies, 0.99), succeeded.Select(o => o.Finished).Order().ToList(),
            ideal.Completions.Order().ToList(),
            outcomes.Where(o => !o.Succeeded).GroupBy(o => o.Failure).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double q) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
