using System.Diagnostics;
using System.Globalization;

namespace Profiles.Bench;

/// <summary>
/// Rate-limit goodput benchmark. <c>dotnet run -c Release --project bench/Profiles.Bench -- [--quick] [--overload-seconds N]
/// [--plans free,essentials,enterprise] [--out docs]</c>. Writes benchmarks.md and benchmarks.png into the output folder.
/// <c>-- multi-instance</c> runs <see cref="MultiInstanceBench"/> instead, <c>-- portal-throughput</c> <see cref="PortalThroughputBench"/>.
/// </summary>
public static class Program
{
    private const int LatencyMs = 15;
    private const int JitterMs = 10;

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == MultiInstanceBench.Section)
        {
            return await MultiInstanceBench.RunAsync(args, Option(args, "--out") ?? FindDocs());
        }

        if (args.Length > 0 && args[0] == PortalThroughputBench.Section)
        {
            var docs = Option(args, "--out") ?? FindDocs();
            return await PortalThroughputBench.RunAsync(args, Path.GetDirectoryName(Path.GetFullPath(FindDocs()))!, docs);
        }

        var quick = args.Contains("--quick");
        var overload = TimeSpan.FromSeconds(double.Parse(Option(args, "--overload-seconds") ?? (quick ? "20" : "120"), CultureInfo.InvariantCulture));
        var planNames = (Option(args, "--plans") ?? "free,essentials,enterprise").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var output = Option(args, "--out") ?? FindDocs();
        var plans = PlanUnderTest.All.Where(p => planNames.Contains(p.Name)).ToList();
        var clock = Stopwatch.StartNew();
        var results = new List<RunResult>();
        var strategies = Enum.GetValues<Strategy>();
        foreach (var plan in plans)
        {
            var workloads = new List<Workload> { Workload.Burst(30), Workload.Burst(100), Workload.Burst(200), Workload.Overload(1.5 * plan.RatePerSecond, overload, 20261122) };
            var users = workloads.Max(w => w.Arrivals.Count);
            var tenants = await Task.WhenAll(strategies.Select(_ => BenchTenant.StartAsync(users, LatencyMs, JitterMs)));
            try
            {
                foreach (var workload in workloads)
                {
                    Console.WriteLine($"{clock.Elapsed:mm\\:ss} {plan.Name} / {workload.Name} ({workload.Arrivals.Count} saves)");
                    foreach (var tenant in tenants)
                    {
                        tenant.Reset(plan.Name);
                    }

                    var outcomes = await Task.WhenAll(strategies.Select((s, i) => StrategyRun.RunAsync(s, plan, tenants[i], workload)));
                    for (var i = 0; i < strategies.Length; i++)
                    {
                        var result = RunResult.From(plan, workload, strategies[i], outcomes[i], tenants[i].Requests, TimeSpan.FromMilliseconds(LatencyMs));
                        results.Add(result);
                        Console.WriteLine($"    {ReportWriter.Name(result.Strategy),-10} {result.Successes,5} / {result.TheoreticalMax,-5} attempts/save {result.AttemptsPerSave:0.00}  429 {result.Share429:P1}  p99 {result.P99.TotalMilliseconds:0} ms (LB {result.LowerBoundP99.TotalMilliseconds:0})  dup {result.Duplicates}");
                    }
                }
            }
            finally
            {
                foreach (var tenant in tenants)
                {
                    await tenant.DisposeAsync();
                }
            }
        }

        Directory.CreateDirectory(output);
        var command = "dotnet run -c Release --project bench/Profiles.Bench --" + (quick ? " --quick" : "")
            + (Option(args, "--overload-seconds") is { } seconds ? " --overload-seconds " + seconds : "")
            + (Option(args, "--plans") is { } planList ? " --plans " + planList : "");
        var markdown = ReportWriter.Write(results, command.TrimEnd('-', ' '), quick || overload < TimeSpan.FromSeconds(120), overload, clock.Elapsed,
            TimeSpan.FromMilliseconds(LatencyMs + JitterMs), TimeProvider.System.GetUtcNow());
        var report = Path.Combine(output, "benchmarks.md");
        // The other workloads' sections stay: each workload rewrites only its own part of the file.
        var kept = File.Exists(report) ? BenchmarkSections.Kept(await File.ReadAllTextAsync(report)) : "";
        await File.WriteAllTextAsync(report, markdown.TrimEnd() + "\n" + kept);
        var html = Path.Combine(Path.GetTempPath(), "profiles-benchmarks.html");
        await File.WriteAllTextAsync(html, PlotWriter.Html(results));
        var png = Path.Combine(output, "benchmarks.png");
        Console.WriteLine(PlotWriter.Render(html, png) ? $"Wrote {png}" : $"Chromium not found: the plot is {html}");
        Console.WriteLine($"Wrote {Path.Combine(output, "benchmarks.md")} in {clock.Elapsed.TotalMinutes:0.0} min");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string FindDocs()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Profiles.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? Directory.GetCurrentDirectory(), "docs");
    }
}
