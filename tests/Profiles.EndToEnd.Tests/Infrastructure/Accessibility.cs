using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>axe-core checks against WCAG 2.0/2.1/2.2 A and AA.</summary>
public static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Fails with the rule ids, impact and offending selectors of every violation on the page.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        var violations = results.Violations
            .Select(v => $"{v.Id} ({v.Impact}) on {page.Url}: {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(violations.Count == 0, "axe-core found WCAG 2.2 AA violations:\n" + string.Join("\n", violations));
    }
}
