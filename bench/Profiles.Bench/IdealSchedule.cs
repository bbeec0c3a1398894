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
            var at = arrival > clock ? arrival : clock;
            Refill(at);
            if (tokens < 1)
            {
                var steps = Math.Max(1, Math.Ceiling(((1 - tokens) / perStep) - 1e-9));
                var next = lastRefill + (step * steps);
                at = next > at ? next : at;
                Refill(at);
            }

            if (at - arrival + roundTrip > deadline)
            {
                continue;
            }

            tokens -= 1;
            clock = at;
            latencies.Add(at - arrival + roundTrip);
            completions.Add(at + roundTrip);
        }

        return (latencies.Count, latencies, completions);

        void Refill(TimeSpan now)
        {
            var steps = Math.Floor((now - lastRefill) / step);
            if (steps > 0)
            {
                lastRefill += step * steps;
                tokens = Math.Min(plan.Burst, tokens + (steps * perStep));
            }
        }
    }
}
