using Profiles.LocalTenant.Faults;

namespace Profiles.Bench;

/// <summary>The figures of one multi-instance run: all instances together, and each instance's share of the successes.</summary>
public sealed record MultiInstanceResult(PlanUnderTest Plan, string Mode, int Saves, int Successes, int TheoreticalMax, int Attempts, int Answered429,
    IReadOnlyList<int> SuccessesPerInstance)
{
    public double OfMax => TheoreticalMax == 0 ? 1 : (double)Successes / TheoreticalMax;

    public double Share429 => Attempts == 0 ? 0 : (double)Answered429 / Attempts;

    /// <summary>The least-served instance's successes against an equal share of all successes (1 = perfectly fair).</summary>
    public double MinShareOfEqual => Successes == 0 ? 0 : SuccessesPerInstance.Min() / ((double)Successes / SuccessesPerInstance.Count);

    public bool MeetsTargets => OfMax >= 0.95 && Share429 <= 0.01 && MinShareOfEqual >= 0.8;

    public static MultiInstanceResult From(PlanUnderTest plan, string mode, IReadOnlyList<Workload> perInstance,
        IReadOnlyList<IReadOnlyList<SaveOutcome>> outcomes, IReadOnlyList<LoggedRequest> log, TimeSpan roundTrip)
    {
        var arrivals = perInstance.SelectMany(w => w.Arrivals).ToList();
        var ideal = IdealSchedule.Run(plan, arrivals, StrategyRun.Budget, roundTrip);
        var patches = log.Where(r => r.Method == "PATCH" && r.Path.StartsWith("/api/v2/users/", StringComparison.Ordinal)).ToList();
        var perInstanceSuccesses = outcomes.Select(o => o.Count(s => s.Succeeded)).ToList();
        return new MultiInstanceResult(plan, mode, arrivals.Count, perInstanceSuccesses.Sum(), ideal.Successes, patches.Count,
            patches.Count(r => r.StatusCode == 429), perInstanceSuccesses);
    }
}
