namespace Profiles.Core.Tests.Infrastructure;

/// <summary>A hand-written manual clock (Microsoft.Extensions.TimeProvider.Testing is not in the registry). Timers fire only
/// when the test advances time.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = start;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(timer => timer.Due is not null);
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers.Where(timer => timer.Due is { } due && due <= target).OrderBy(timer => timer.Due).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                _now = next.Due!.Value;
                next.Due = next.Period is { } period ? _now + period : null;
            }

            next.Fire();
        }
    }

    /// <summary>Moves to the earliest pending timer, but at most <paramref name="maxStep"/>; false when none is pending.</summary>
    public bool AdvanceToNextTimer(TimeSpan maxStep)
    {
        TimeSpan? gap;
        lock (_gate)
        {
            var due = _timers.Where(timer => timer.Due is not null).Select(timer => timer.Due!.Value).DefaultIfEmpty(DateTimeOffset.MinValue).Min();
            gap = due == DateTimeOffset.MinValue ? null : due - _now;
        }

        if (gap is null)
        {
            return false;
        }

        Advance(gap.Value < TimeSpan.Zero ? TimeSpan.Zero : gap.Value > maxStep ? maxStep : gap.Value);
        return true;
    }

    /// <summary>Runs <paramref name="task"/> to completion, letting real work settle (a few real milliseconds) before each move of
    /// the fake clock towards the next pending timer, so that delays and timeouts happen in fake time only. Moves are at most
    /// 250 ms, so a timer created late by a slow machine is still reached before later ones.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task)
    {
        await DriveCoreAsync(task);
        return await task;
    }

    public async Task DriveAsync(Task task)
    {
        await DriveCoreAsync(task);
        await task;
    }

    private async Task DriveCoreAsync(Task task)
    {
        for (var i = 0; i < 5000 && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(15));
            if (!task.IsCompleted)
            {
                AdvanceToNextTimer(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
