using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Waits for the tab to arrive at an address. Playwright's <c>WaitForURLAsync</c> checks the load state and then
/// subscribes to its event, so a load that lands between the two is lost and the wait runs to its timeout (seen here as
/// rare 30 s failures right after a redirect chain). This asserts the address by polling, which cannot miss it, then
/// waits for the load state in short steps: a load that happened meanwhile is recorded and found on the next step.
/// </summary>
internal static class Navigation
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Waits until the address is <paramref name="prefix"/> or below it: an origin or path that ends there, so
    /// <c>http://127.0.0.1:4123</c> never matches a page on port 41234.
    /// </summary>
    public static Task ArriveAtAsync(IPage page, string prefix) =>
        WaitAsync(page, new Regex("^" + Regex.Escape(prefix) + "([/?#]|$)", RegexOptions.None, Step));

    /// <summary>Waits until the address is exactly <paramref name="address"/> (a query string is allowed after it).</summary>
    public static Task ArriveAtExactlyAsync(IPage page, string address) =>
        WaitAsync(page, new Regex("^" + Regex.Escape(address) + @"(\?.*)?$", RegexOptions.None, Step));

    private static async Task WaitAsync(IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = (float)Deadline.TotalMilliseconds });
        await SettleAsync(page);
    }

    /// <summary>
    /// Waits for the current document's load event in short steps. A single long <c>WaitForLoadStateAsync</c> right after
    /// a click can subscribe just as the new document commits and then miss its events (seen as rare 30 s timeouts).
    /// </summary>
    public static async Task SettleAsync(IPage page)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = (float)Step.TotalMilliseconds });
                return;
            }
            catch (TimeoutException) when (waited.Elapsed < Deadline)
            {
                // A missed load event is recorded by the frame; the next step finds it at once.
            }
        }
    }
}
