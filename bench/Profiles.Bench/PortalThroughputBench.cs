using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Profiles.Bench;

/// <summary>
/// The portal-throughput workload: <c>dotnet run -c Release --project bench/Profiles.Bench -- portal-throughput [--seconds N]
/// [--connections N]</c>. Starts the Release portal with its embedded tenant, signs in as a demo user, then loads with wrk the
/// signed-out home page and the signed-in account overview (warm profile cache) in the same run, each after a warm-up. Writes
/// its section of docs/benchmarks.md.
/// </summary>
public static class PortalThroughputBench
{
    public const string Section = "portal-throughput";

    /// <summary>Connections of the extra overview run that measures the page without a queue in front of it.</summary>
    private const int FewConnections = 4;

    private const int SettledMethods = 20;
    private static readonly TimeSpan WarmUpStep = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args, string repository, string output)
    {
        var seconds = double.Parse(Option(args, "--seconds") ?? "20", CultureInfo.InvariantCulture);
        var connections = int.Parse(Option(args, "--connections") ?? "64", CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        Console.WriteLine("Starting the Release portal (dotnet run -c Release --project src/Profiles.Web)...");
        await using var portal = await PortalProcess.StartAsync(repository, Profiles.TestServices.ServerProcess.FreePort());
        var cookie = await PortalProcess.SignInAsync("alice@example.com", "Alice-demo-2026");
        var pages = new List<(string Name, int Connections, WrkRun Run, double BytesPerRequest, TimeSpan WarmUp)>();
        // The last row: the same overview with few connections, so its p99 shows the page's own latency without the queue
        // that 64 connections on two shared cores build (see the note under the table).
        foreach (var (name, signedIn, load) in new[]
        {
            ("signed-out home page", false, connections), ("signed-in account overview", true, connections), ("signed-in account overview", true, FewConnections),
        })
        {
            var url = PortalProcess.BaseUrl + "/";
            var session = signedIn ? cookie : null;
            var warmUp = await WarmUpAsync(portal, url, load, session);
            var before = await portal.TotalAllocatedBytesAsync();
            var run = await WrkRun.RunAsync(url, load, duration, session);
            var after = await portal.TotalAllocatedBytesAsync();
            var perRequest = run.Requests == 0 ? double.NaN : (after - before) / run.Requests;
            pages.Add((name, load, run, perRequest, warmUp));
            Console.WriteLine($"    {name}, {load} connections (warm-up {warmUp.TotalSeconds:0} s): {run.RequestsPerSecond:0} req/s, p50 {run.P50.TotalMilliseconds:0.0} ms, p99 {run.P99.TotalMilliseconds:0.0} ms, {perRequest / 1024:0.0} KB/request, non-2xx {run.Errors}");
        }

        var path = Path.Combine(output, "benchmarks.md");
        var command = "dotnet run -c Release --project bench/Profiles.Bench -- " + Section
            + (Option(args, "--seconds") is { } s ? " --seconds " + s : "") + (Option(args, "--connections") is { } c ? " --connections " + c : "");
        var ratio = pages[1].Run.RequestsPerSecond / pages[0].Run.RequestsPerSecond;
        await BenchmarkSections.UpsertAsync(path, Section, Report(pages, ratio, command, connections, seconds, clock.Elapsed));
        Console.WriteLine($"Signed-in / signed-out: {ratio:0.00}. Wrote the {Section} section of {path}");
        return 0;
    }

    /// <summary>Loads the page in 5-second runs until the JIT has settled (fewer than <see cref="SettledMethods"/> methods
    /// compiled during a run) or a minute has passed: on two cores tiered compilation keeps recompiling hot methods for 20–30
    /// seconds, and a measured run that overlaps it reports the compiler, not the page.</summary>
    private static async Task<TimeSpan> WarmUpAsync(PortalProcess portal, string url, int connections, string? cookie)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var before = await portal.CompiledMethodsAsync();
            await WrkRun.RunAsync(url, connections, WarmUpStep, cookie);
            var compiled = await portal.CompiledMethodsAsync() - before;
            if (compiled < SettledMethods || double.IsNaN(compiled) || clock.Elapsed >= WarmUpLimit)
            {
                return clock.Elapsed;
            }
        }
    }

    private static string Report(List<(string Name, int Connections, WrkRun Run, double BytesPerRequest, TimeSpan WarmUp)> pages, double ratio, string command, int connections, double seconds, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("## Portal throughput: the signed-in hot path");
        md.AppendLine();
        md.AppendLine("Generated by `bench/Profiles.Bench` (do not edit by hand). Reproduce with, after `dotnet build Profiles.sln -c Release` (needs Debian's `wrk`, and ports 5000/5301 free):");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine(command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine(inv, $"Run finished {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC after {elapsed.TotalMinutes:0.0} min ({Environment.ProcessorCount} logical cores, load average before the run: {LoadAverage()}).");
        md.AppendLine();
        md.AppendLine("- The default set-up: `dotnet run -c Release --project src/Profiles.Web` (Development, embedded local tenant, SQLite portal database),");
        md.AppendLine("  with the Prometheus listener on loopback so the bench can read `dotnet.gc.heap.total_allocated` before and after each run.");
        md.AppendLine(inv, $"- `wrk -t 2 -c {connections} -d {seconds:0}s --latency` on `/` signed out, then on `/` with the cookies of a programmatic sign-in");
        md.AppendLine("  (alice, through the tenant's login form); the profile cache is warm. Same run, same process.");
        md.AppendLine("- **Warm-up**: before each measured run, 5-second wrk runs on the same page until the JIT compiles fewer than 20 methods in");
        md.AppendLine("  one (read from the runtime's `dotnet.jit.compiled_methods` counter), at most a minute: on two cores tiered compilation");
        md.AppendLine("  keeps recompiling hot methods for 20–30 s under load, and a measured run that overlaps it measures the compiler.");
        md.AppendLine("- **Allocated per request**: the portal process's allocation counter delta over the measured run, divided by wrk's request count.");
        md.AppendLine("- Baseline (issue figures, same set-up before this work): overview/home 0.07–0.09, p99 137–239 ms, ~200 KB allocated per request.");
        md.AppendLine("  Targets: ratio ≥ 0.35, overview p99 ≤ 25 ms, ≤ 80 KB allocated per request.");
        md.AppendLine("- **Queue floor**: connections ÷ requests per second, the mean time a request spends in the portal by Little's law when");
        md.AppendLine("  every connection always has a request outstanding; no request can be faster than its page's cost, and on average none");
        md.AppendLine("  is faster than this.");
        md.AppendLine();
        md.AppendLine("| Page | Connections | Warm-up s | Requests/s | Queue floor ms | p50 ms | p99 ms | Allocated per request | Non-2xx |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, load, run, bytes, warmUp) in pages)
        {
            md.AppendLine(inv, $"| {name} | {load} | {warmUp.TotalSeconds:0} | {run.RequestsPerSecond:0} | {load / run.RequestsPerSecond * 1000:0.0} | {run.P50.TotalMilliseconds:0.0} | {run.P99.TotalMilliseconds:0.0} | {bytes / 1024:0.0} KB | {run.Errors} |");
        }

        md.AppendLine();
        md.AppendLine(inv, $"Signed-in overview / signed-out home page, requests per second: **{ratio:0.00}** (target ≥ 0.35).");
        return md.ToString();
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
