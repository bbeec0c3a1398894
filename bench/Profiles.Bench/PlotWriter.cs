using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Profiles.Bench;

/// <summary>Cumulative successes over time as SVG panels in an HTML page, rendered to PNG by headless Chromium (there is no
/// plotting library in the registry).</summary>
public static class PlotWriter
{
    private const int PanelWidth = 380;
    private const int PanelHeight = 330;
    private static readonly Dictionary<Strategy, string> Colors = new()
    {
        [Strategy.Ours] = "#1b7f3b",
        [Strategy.NoRetry] = "#7a7a7a",
        [Strategy.Standard] = "#c2410c",
        [Strategy.Auth0Sdk] = "#1d4ed8",
    };

    public static string Html(IReadOnlyList<RunResult> results)
    {
        var panels = results.Where(r => r.Workload.StartsWith("overload", StringComparison.Ordinal) || r.Workload == "burst 200")
            .GroupBy(r => (r.Plan.Name, r.Workload)).OrderBy(g => g.Key.Workload, StringComparer.Ordinal).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{margin:8px;font:13px sans-serif;background:#fff}")
            .Append(".grid{display:grid;grid-template-columns:repeat(3,").Append(PanelWidth).Append("px);gap:12px}h1{font-size:16px;margin:4px 0 8px}")
            .Append(".legend span{margin-right:16px}</style></head><body><h1>Cumulative successful saves over time</h1><div class='legend'>");
        foreach (var (strategy, color) in Colors)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span style='color:{color}'>■ {ReportWriter.Name(strategy)}</span>");
        }

        html.Append("<span>- - theoretical maximum</span></div><div class='grid'>");
        foreach (var panel in panels)
        {
            html.Append(Panel($"{panel.Key.Name}, {panel.Key.Workload}", panel.ToList()));
        }

        html.Append("</div></body></html>");
        return html.ToString();
    }

    public static bool Render(string htmlPath, string pngPath)
    {
        var chromium = Environment.GetEnvironmentVariable("PROFILES_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            return false;
        }

        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--screenshot={pngPath}", "--window-size=1200,800", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return false;
        }

        process.WaitForExit(60_000);
        return File.Exists(pngPath);
    }

    private static string Panel(string title, List<RunResult> runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var maxTime = Math.Max(1, runs.SelectMany(r => r.SuccessTimes.Concat(r.IdealSuccessTimes)).DefaultIfEmpty().Max().TotalSeconds);
        var maxCount = Math.Max(1, runs.Max(r => Math.Max(r.Successes, r.IdealSuccessTimes.Count)));
        const int left = 44, top = 24, bottom = 30, right = 10;
        var width = PanelWidth - left - right;
        var height = PanelHeight - top - bottom;
        double X(double seconds) => left + (seconds / maxTime * width);
        double Y(double count) => top + height - (count / maxCount * height);
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg width='{PanelWidth}' height='{PanelHeight}' xmlns='http://www.w3.org/2000/svg'>");
        svg.Append(inv, $"<text x='{left}' y='15' font-weight='bold'>{System.Net.WebUtility.HtmlEncode(title)}</text>");
        svg.Append(inv, $"<rect x='{left}' y='{top}' width='{width}' height='{height}' fill='none' stroke='#bbb'/>");
        for (var i = 0; i <= 4; i++)
        {
            var count = maxCount * i / 4.0;
            var seconds = maxTime * i / 4.0;
            svg.Append(inv, $"<text x='{left - 4}' y='{Y(count) + 4:0.0}' text-anchor='end' font-size='11'>{count:0}</text>");
            svg.Append(inv, $"<text x='{X(seconds):0.0}' y='{top + height + 14}' text-anchor='middle' font-size='11'>{seconds:0}</text>");
        }

        svg.Append(inv, $"<text x='{left + (width / 2)}' y='{PanelHeight - 3}' text-anchor='middle' font-size='11'>seconds</text>");
        svg.Append(Line(runs[0].IdealSuccessTimes, "#000", "stroke-width='1.5' stroke-dasharray='5,4'", X, Y));
        // Ours first and wide, the baselines thinner on top, so lines that coincide with ours stay visible.
        foreach (var run in runs.OrderBy(r => r.Strategy != Strategy.Ours))
        {
            svg.Append(Line(run.SuccessTimes, Colors[run.Strategy], run.Strategy == Strategy.Ours ? "stroke-width='4'" : "stroke-width='1.5'", X, Y));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Line(IReadOnlyList<TimeSpan> times, string color, string extra, Func<double, double> x, Func<double, double> y)
    {
        var inv = CultureInfo.InvariantCulture;
        var points = new StringBuilder();
        points.Append(inv, $"{x(0):0.0},{y(0):0.0} ");
        for (var i = 0; i < times.Count; i++)
        {
            points.Append(inv, $"{x(times[i].TotalSeconds):0.0},{y(i):0.0} {x(times[i].TotalSeconds):0.0},{y(i + 1):0.0} ");
        }

        return $"<polyline fill='none' stroke='{color}' {extra} points='{points}'/>";
    }
}
