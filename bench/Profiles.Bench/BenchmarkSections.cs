using System.Text.RegularExpressions;

namespace Profiles.Bench;

/// <summary>docs/benchmarks.md holds several workloads' results. Each workload owns a section between
/// <c>&lt;!-- section:NAME --&gt;</c> and <c>&lt;!-- /section:NAME --&gt;</c>, replaced by its own runs and kept by the others'.</summary>
public static partial class BenchmarkSections
{
    /// <summary>Replaces (or appends) section <paramref name="name"/> of the file at <paramref name="path"/>.</summary>
    public static async Task UpsertAsync(string path, string name, string markdown)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        var block = $"<!-- section:{name} -->\n{markdown.TrimEnd()}\n<!-- /section:{name} -->";
        var current = SectionPattern().Matches(existing).FirstOrDefault(m => m.Groups["name"].Value == name);
        var updated = current is null
            ? existing.TrimEnd() + "\n\n" + block + "\n"
            : string.Concat(existing.AsSpan(0, current.Index), block, existing.AsSpan(current.Index + current.Length));
        await File.WriteAllTextAsync(path, updated);
    }

    /// <summary>The sections of <paramref name="existing"/>, to append after a rewrite of the file's main part.</summary>
    public static string Kept(string existing) =>
        string.Concat(SectionPattern().Matches(existing).Select(m => "\n" + m.Value.TrimEnd() + "\n"));

    [GeneratedRegex(@"<!-- section:(?<name>[a-z-]+) -->.*?<!-- /section:\k<name> -->", RegexOptions.Singleline, 1000)]
    private static partial Regex SectionPattern();
}
