using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Profiles.Core.Pacing;

namespace Profiles.Bench;

/// <summary>Every token take of the multi-instance run, per instance (through <see cref="RecordingCoordinator"/>): who asked when,
/// for how many, and got how many. <see cref="Summary"/> groups the takes into rounds (calls from several instances within a few
/// milliseconds of each other, i.e. pumps woken for the same refill step) and counts, per instance, how often it called first
/// in a contested round (someone went without) and how many of those rounds' tokens it got.</summary>
public sealed class LeaseLog
{
    private readonly Stopwatch _clock = new();
    private static readonly TimeSpan RoundGap = TimeSpan.FromMilliseconds(15);
    private readonly ConcurrentQueue<Take> _takes = new();

    public void Record(int instance, TimeSpan started, int wanted, int granted) => _takes.Enqueue(new Take(instance, started, wanted, granted));

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Forgets the takes so far (the warm-up's) and counts from now.</summary>
    public void Restart()
    {
        _takes.Clear();
        _clock.Restart();
    }

    public string Summary(int instances)
    {
        var takes = _takes.OrderBy(t => t.Started).ToList();
        var rounds = new List<List<Take>>();
        foreach (var take in takes)
        {
            if (rounds.Count == 0 || take.Started - rounds[^1][^1].Started > RoundGap)
            {
                rounds.Add([]);
            }

            rounds[^1].Add(take);
        }

        var contested = rounds.Where(r => r.Select(t => t.Instance).Distinct().Count() > 1 && r.Sum(t => t.Granted) > 0 && r.Any(t => t.Granted == 0)).ToList();
        var first = new int[instances];
        var firstTookAll = 0;
        var tokens = new int[instances];
        foreach (var round in contested)
        {
            first[round[0].Instance]++;
            firstTookAll += round[0].Granted == round.Sum(t => t.Granted) ? 1 : 0;
            foreach (var take in round)
            {
                tokens[take.Instance] += take.Granted;
            }
        }

        var inv = CultureInfo.InvariantCulture;
        return string.Create(inv, $"takes {takes.Count} (granted {takes.Sum(t => t.Granted)}), contested rounds {contested.Count}: first caller {string.Join(" / ", first)}, "
            + $"first caller took every token {firstTookAll}, tokens {string.Join(" / ", tokens)}; all tokens {string.Join(" / ", Enumerable.Range(0, instances).Select(i => takes.Where(t => t.Instance == i).Sum(t => t.Granted)))}");
    }

    private sealed record Take(int Instance, TimeSpan Started, int Wanted, int Granted);
}

/// <summary>Passes every call to the instance's real coordinator and records its takes in a <see cref="LeaseLog"/>.</summary>
public sealed class RecordingCoordinator(IRateLimitCoordinator inner, int instance, LeaseLog log) : IRateLimitCoordinator
{
    public async ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, int wanted, CancellationToken cancellationToken)
    {
        var started = log.Now;
        var lease = await inner.LeaseAsync(group, profile, wanted, cancellationToken);
        log.Record(instance, started, wanted, lease.Granted);
        return lease;
    }

    public async ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, IReadOnlyList<DateTimeOffset> deadlines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var started = log.Now;
        var lease = await inner.LeaseAsync(group, profile, deadlines, cancellationToken);
        log.Record(instance, started, deadlines.Count, lease.Granted);
        return lease;
    }

    public ValueTask PauseAsync(string group, BucketProfile profile, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.PauseAsync(group, profile, until, cancellationToken);

    public ValueTask CapAsync(string group, BucketProfile profile, double atMost, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        inner.CapAsync(group, profile, atMost, sentAt, cancellationToken);

    public ValueTask AnchorAsync(string group, BucketProfile profile, DateTimeOffset firstAnswerAt, CancellationToken cancellationToken) =>
        inner.AnchorAsync(group, profile, firstAnswerAt, cancellationToken);
}
