namespace Profiles.Bench;

/// <summary>When each save arrives, relative to the start of the run.</summary>
public sealed record Workload(string Name, IReadOnlyList<TimeSpan> Arrivals)
{
    public static Workload Burst(int count) => new($"burst {count}", Enumerable.Repeat(TimeSpan.Zero, count).ToList());

    /// <summary>Poisson arrivals at <paramref name="ratePerSecond"/> for <paramref name="duration"/>, from a fixed seed so every
    /// strategy sees the same arrivals.</summary>
    public static Workload Overload(double ratePerSecond, TimeSpan duration, int seed)
    {
        var random = new Random(seed);
        var arrivals = new List<TimeSpan>();
        var at = 0.0;
        while (true)
        {
            at += -Math.Log(1 - random.NextDouble()) / ratePerSecond;
            if (at >= duration.TotalSeconds)
            {
                break;
            }

            arrivals.Add(TimeSpan.FromSeconds(at));
        }

        return new Workload($"overload {duration.TotalSeconds:0} s", arrivals);
    }
}
