using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Profiles.Bench;

/// <summary>One <c>wrk</c> run (Debian's package): requests per second, median and p99 latency and the request count, parsed
/// from its <c>--latency</c> report.</summary>
public sealed partial record WrkRun(double RequestsPerSecond, TimeSpan P50, TimeSpan P99, long Requests, long Errors)
{
    public static async Task<WrkRun> RunAsync(string url, int connections, TimeSpan duration, string? cookie)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{duration.TotalSeconds:0}s", "--latency" })
        {
            info.ArgumentList.Add(argument);
        }

        if (cookie is not null)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add("Cookie: " + cookie);
        }

        info.ArgumentList.Add(url);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rate = RatePattern().Match(output);
        var p50 = P50Pattern().Match(output);
        var p99 = P99Pattern().Match(output);
        var count = CountPattern().Match(output);
        if (!rate.Success || !p50.Success || !p99.Success || !count.Success)
        {
            throw new InvalidOperationException("Unexpected wrk output:\n" + output);
        }

        var non2xx = Non2xxPattern().Match(output);
        var errors = non2xx.Success ? long.Parse(non2xx.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkRun(double.Parse(rate.Groups["n"].Value, CultureInfo.InvariantCulture), Latency(p50.Groups["n"].Value, p50.Groups["unit"].Value),
            Latency(p99.Groups["n"].Value, p99.Groups["unit"].Value), long.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture), errors);
    }

    private static TimeSpan Latency(string value, string unit)
    {
        var n = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => TimeSpan.FromMicroseconds(n),
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            _ => TimeSpan.FromMinutes(n),
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+(?<n>[0-9.]+)", RegexOptions.None, 1000)]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^\s+50%\s+(?<n>[0-9.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline, 1000)]
    private static partial Regex P50Pattern();

    [GeneratedRegex(@"^\s+99%\s+(?<n>[0-9.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline, 1000)]
    private static partial Regex P99Pattern();

    [GeneratedRegex(@"(?<n>[0-9]+) requests in", RegexOptions.None, 1000)]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(?<n>[0-9]+)", RegexOptions.None, 1000)]
    private static partial Regex Non2xxPattern();
}
