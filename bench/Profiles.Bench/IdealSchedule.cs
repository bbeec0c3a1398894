namespace Profiles.Bench;

/// <summary>The physical limit: an oracle that knows the tenant's bucket exactly (size, rate, refill step) and sends each save,
/// in arrival order, at the first instant a token exists, dropping only saves whose turn comes after their deadline. With equal
/// deadlines, serving in arrival order maximises the count (exchange argument), so its successes are the theoretical maximum;
/// its latencies plus one round trip are the lower bound.</summary>
public static class IdealSchedule
{
    public static (int Successes, IReadOnlyList<TimeSpan> Latencies, IReadOnlyList<TimeSpan> Completions) Run(
        PlanUnderTest plan, IReadOnlyList<TimeSpan> arrivals, TimeSpan deadline, TimeSpan roundTrip)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(arrivals);
        var step = plan.RefillsEverySecond ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(1);
        var perStep = plan.RatePerSecond * step.TotalSeconds;
        double tokens = plan.Burst;
        var lastRefill = arrivals.Count == 0 ? TimeSpan.Zero : arrivals.Min();
        var clock = TimeSpan.Zero;
        var latencies = new List<TimeSpan>();
        var completions = new List<TimeSpan>();
        foreach (var arrival in arrivals.Order())
        {
            // Work on copies: a save that cannot make its deadline must leave the bucket untouched.
            var at = arrival > clock ? arrival : clock;
            var (t, last) = Refilled(tokens, lastRefill, at);
            if (t < 1)
            {
                var steps = Math.Max(1, Math.Ceiling(((1 - t) / perStep) - 1e-9));
                var next = last + (step * steps);
                at = next > at ? next : at;
                (t, last) = Refilled(t, last, at);
            }

            if (at - arrival + roundTrip > deadline)
            {
                continue;
            }

            tokens = t - 1;
            lastRefill = last;
            clock = at;
            latencies.Add(at - arrival + roundTrip);
            completions.Add(at + roundTrip);
        }

        return (latencies.Count, latencies, completions);

        (double Tokens, TimeSpan LastRefill) Refilled(double tokensNow, TimeSpan last, TimeSpan now)
        {
            var steps = Math.Floor((now - last) / step);
            return steps > 0 ? (Math.Min(plan.Burst, tokensNow + (steps * perStep)), last + (step * steps)) : (tokensNow, last);
        }
    }
}
