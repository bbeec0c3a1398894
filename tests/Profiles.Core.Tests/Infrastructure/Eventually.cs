using System.Diagnostics;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary>Polling for a result that real background work produces (a pacer's pump, a stub's answer), with a deadline. The only
/// place in this project that waits in real time: everything that should pass in time runs on the fake clock.</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private const int MaxSettlePolls = 25;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    /// <summary>Returns once <paramref name="condition"/> holds; fails after <see cref="Deadline"/> of real time.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            if (elapsed.Elapsed > Deadline)
            {
                throw new TimeoutException($"Still waiting after {Deadline.TotalSeconds} s of real time for {what}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Returns once the thread pool has no queued work (or after a bounded number of polls when other tests keep it
    /// busy). Moving a fake clock while a continuation still waits for a thread lets a deadline pass "before" work that
    /// was due earlier; on a loaded machine that lag is many polls long.</summary>
    public static async Task SettledAsync()
    {
        for (var polls = 0; polls < MaxSettlePolls && ThreadPool.PendingWorkItemCount > 0; polls++)
        {
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Returns when <paramref name="task"/> ends or one poll interval has passed, whichever is first; true when it ended.</summary>
    public static async Task<bool> EndsWithinOnePollAsync(Task task) => await Task.WhenAny(task, Task.Delay(PollInterval)) == task;
}
