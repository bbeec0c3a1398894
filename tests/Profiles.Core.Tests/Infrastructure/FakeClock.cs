using System.Collections;
using System.Diagnostics;
using System.Reflection;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary>The tests' clock is the package's <see cref="FakeTimeProvider"/>; this is what they need beyond it: one start
/// instant, driving code that waits on the clock to its end, and knowing whether background code has gone to sleep on it.</summary>
public static class FakeClock
{
    /// <summary>Where every test clock starts: a whole second, so instants in headers (whole seconds) are exact.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Small enough that every delay the tests expect lands within their tolerance.</summary>
    private static readonly TimeSpan DefaultStep = TimeSpan.FromMilliseconds(100);

    /// <summary>The package keeps its timers (delays, timeouts, periodic timers) in an internal set and has no public count;
    /// reading it is the only way to know that background work is asleep on the clock rather than still running.</summary>
    private static readonly FieldInfo WaitersField = typeof(FakeTimeProvider).GetField("Waiters", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("This version of Microsoft.Extensions.TimeProvider.Testing keeps its timers elsewhere.");

    /// <summary>The timers currently waiting on <paramref name="time"/>.</summary>
    public static int PendingTimers(this FakeTimeProvider time)
    {
        var waiters = WaitersField.GetValue(time)!;
        lock (waiters)
        {
            return ((IEnumerable)waiters).Cast<object>().Count();
        }
    }

    /// <summary>Polls <paramref name="task"/> (real work such as a stub's answer completes on its own) and, each time it is
    /// still waiting, moves the fake clock on by <paramref name="step"/>, so that delays and timeouts pass in fake time only.</summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        await DriveCoreAsync(time, task, step ?? DefaultStep);
        return await task;
    }

    /// <inheritdoc cref="DriveAsync{T}(FakeTimeProvider, Task{T}, TimeSpan?)"/>
    public static async Task DriveAsync(this FakeTimeProvider time, Task task, TimeSpan? step = null)
    {
        await DriveCoreAsync(time, task, step ?? DefaultStep);
        await task;
    }

    private static async Task DriveCoreAsync(FakeTimeProvider time, Task task, TimeSpan step)
    {
        var elapsed = Stopwatch.StartNew();
        while (!await Eventually.EndsWithinOnePollAsync(task))
        {
            if (elapsed.Elapsed > Eventually.Deadline)
            {
                throw new TimeoutException($"Still waiting after {Eventually.Deadline.TotalSeconds} s of real time (fake clock at {time}).");
            }

            await Eventually.SettledAsync();
            time.Advance(step);
        }
    }
}
