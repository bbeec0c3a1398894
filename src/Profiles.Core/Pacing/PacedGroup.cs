using Microsoft.Extensions.Logging;

namespace Profiles.Core.Pacing;

/// <summary>The wait queue of one bucket group: FIFO per user, users served in turn, a single pump that takes tokens from the
/// coordinator and hands them out. A call whose expected turn falls after its admission deadline is refused at once.</summary>
internal sealed partial class PacedGroup
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<Waiter>> _queues = new(StringComparer.Ordinal);
    private readonly Queue<string> _turns = new();
    private readonly string _name;
    private readonly IRateLimitCoordinator _coordinator;
    private readonly TimeProvider _timeProvider;
    private readonly PacingOptions _options;
    private readonly ILogger _logger;
    private BucketProfile _profile;
    private DateTimeOffset _nextTokenAt = DateTimeOffset.MinValue;
    private int _waiting;
    private bool _pumping;
    private int _answered;

    public PacedGroup(string name, BucketProfile profile, IRateLimitCoordinator coordinator, TimeProvider timeProvider, PacingOptions options, ILogger logger)
    {
        _name = name;
        _profile = profile;
        _coordinator = coordinator;
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger;
    }

    public BucketProfile Profile
    {
        get
        {
            lock (_gate)
            {
                return _profile;
            }
        }
    }

    /// <summary>Calls waiting in the queue now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for a token, or throws the pacer's 429 when none can come before <paramref name="admissionDeadline"/>.</summary>
    public async ValueTask AcquireAsync(string user, DateTimeOffset admissionDeadline, CancellationToken cancellationToken)
    {
        BucketProfile profile;
        lock (_gate)
        {
            profile = _profile;
        }

        if (Volatile.Read(ref _waiting) == 0)
        {
            var lease = await _coordinator.LeaseAsync(_name, profile, [admissionDeadline], cancellationToken);
            if (lease.Granted == 1)
            {
                return;
            }

            lock (_gate)
            {
                _nextTokenAt = lease.NextTokenAt;
            }
        }

        Waiter waiter;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var expected = ExpectedTurn(now, _waiting);
            if (_waiting >= _options.QueueLimit || expected > admissionDeadline)
            {
                LogRefused(_logger, _name, _waiting, (long)(expected - now).TotalMilliseconds);
                throw PacingRejection.Create(_profile, now, expected);
            }

            waiter = new Waiter(admissionDeadline);
            if (!_queues.TryGetValue(user, out var queue))
            {
                queue = new Queue<Waiter>();
                _queues[user] = queue;
            }

            if (queue.Count == 0)
            {
                _turns.Enqueue(user);
            }

            queue.Enqueue(waiter);
            _waiting++;
            if (!_pumping)
            {
                _pumping = true;
                _ = Task.Run(PumpAsync, CancellationToken.None);
            }
        }

        using var registration = cancellationToken.Register(static state => ((Waiter)state!).Completion.TrySetCanceled(), waiter);
        await waiter.Completion.Task;
    }

    /// <summary>True only for the first answer this group sees.</summary>
    public bool TakeFirstAnswer() => Interlocked.Exchange(ref _answered, 1) == 0;

    /// <summary>Adopts a bucket size learned from the tenant's headers.</summary>
    public void Learn(BucketProfile profile)
    {
        lock (_gate)
        {
            _profile = profile;
        }
    }

    private DateTimeOffset ExpectedTurn(DateTimeOffset now, int ahead)
    {
        var start = _nextTokenAt > now ? _nextTokenAt : now;
        var perToken = _profile.RefillsEverySecond
            ? TimeSpan.FromSeconds(Math.Ceiling((ahead + 1) / _profile.TokensPerInterval) - 1)
            : TimeSpan.FromSeconds(ahead / _profile.RatePerSecond);
        return start + (perToken < TimeSpan.Zero ? TimeSpan.Zero : perToken);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            IReadOnlyList<DateTimeOffset> deadlines;
            BucketProfile profile;
            lock (_gate)
            {
                if (_waiting == 0)
                {
                    _pumping = false;
                    return;
                }

                deadlines = NextDeadlines(Math.Min(_waiting, _options.LeaseBatch));
                profile = _profile;
            }

            TokenLease lease;
            try
            {
                lease = await _coordinator.LeaseAsync(_name, profile, deadlines, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The shared store is unavailable: waiters run into their deadlines rather than over-spending the tenant's budget.
                LogCoordinatorFailed(_logger, _name, ex);
                lease = new TokenLease(0, _timeProvider.GetUtcNow() + TimeSpan.FromMilliseconds(200));
            }

            TimeSpan delay;
            lock (_gate)
            {
                var now = _timeProvider.GetUtcNow();
                _nextTokenAt = lease.NextTokenAt;
                for (var granted = 0; granted < lease.Granted && _waiting > 0;)
                {
                    if (Dequeue().Completion.TrySetResult())
                    {
                        granted++;
                    }
                }

                ExpireWaiters(now);
                if (_waiting == 0)
                {
                    continue;
                }

                delay = lease.NextTokenAt - now;
            }

            if (delay > TimeSpan.Zero || lease.Granted == 0)
            {
                // Timers count whole milliseconds: rounding down would wake the pump just before the token, over and over.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(delay.TotalMilliseconds))), _timeProvider);
            }
        }
    }

    /// <summary>The deadlines of the next <paramref name="count"/> waiters, in the order <see cref="Dequeue"/> serves them (each
    /// user's first waiter in turn, then each user's second, …).</summary>
    private List<DateTimeOffset> NextDeadlines(int count)
    {
        var deadlines = new List<DateTimeOffset>(count);
        for (var round = 0; deadlines.Count < count; round++)
        {
            var before = deadlines.Count;
            foreach (var user in _turns)
            {
                var queue = _queues[user];
                if (queue.Count > round)
                {
                    deadlines.Add(queue.ElementAt(round).Deadline);
                    if (deadlines.Count == count)
                    {
                        break;
                    }
                }
            }

            if (deadlines.Count == before)
            {
                break;
            }
        }

        return deadlines;
    }

    private Waiter Dequeue()
    {
        var user = _turns.Dequeue();
        var queue = _queues[user];
        var waiter = queue.Dequeue();
        _waiting--;
        if (queue.Count > 0)
        {
            _turns.Enqueue(user);
        }
        else
        {
            _queues.Remove(user);
        }

        return waiter;
    }

    /// <summary>Refuses waiters that cannot get the next token before their deadline, and drops cancelled ones.</summary>
    private void ExpireWaiters(DateTimeOffset now)
    {
        var users = _turns.Count;
        for (var i = 0; i < users; i++)
        {
            var user = _turns.Dequeue();
            var queue = _queues[user];
            var kept = new Queue<Waiter>(queue.Count);
            foreach (var waiter in queue)
            {
                if (waiter.Completion.Task.IsCompleted)
                {
                    _waiting--;
                }
                else if (waiter.Deadline < _nextTokenAt)
                {
                    _waiting--;
                    waiter.Completion.TrySetException(PacingRejection.Create(_profile, now, ExpectedTurn(now, _waiting)));
                }
                else
                {
                    kept.Enqueue(waiter);
                }
            }

            if (kept.Count > 0)
            {
                _queues[user] = kept;
                _turns.Enqueue(user);
            }
            else
            {
                _queues.Remove(user);
            }
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Pacer refused a Management API call in bucket {Group}: {Waiting} waiting, next turn in {WaitMs} ms")]
    private static partial void LogRefused(ILogger logger, string group, int waiting, long waitMs);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "Rate-limit coordinator failed for bucket {Group}")]
    private static partial void LogCoordinatorFailed(ILogger logger, string group, Exception exception);

    private sealed class Waiter(DateTimeOffset deadline)
    {
        public DateTimeOffset Deadline { get; } = deadline;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
