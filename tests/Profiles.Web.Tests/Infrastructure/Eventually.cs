using System.Diagnostics;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>Polling for a result that real background work produces (the deletion worker, a request in flight), with a deadline.
/// The only place in this project that waits in real time: time itself passes on the fake clock.</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds, running <paramref name="betweenPolls"/> (typically a step of
    /// the fake clock) after each miss; fails after <see cref="Deadline"/> of real time.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, Action? betweenPolls = null)
    {
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > Deadline)
            {
                throw new TimeoutException($"Still waiting after {Deadline.TotalSeconds} s of real time for {what}.");
            }

            betweenPolls?.Invoke();
            await Task.Delay(PollInterval);
        }
    }
}
