namespace Profiles.Core.Tests.Conventions;

/// <summary>
/// Browser tests wait for an address through their <c>Navigation</c> helper, never through Playwright's
/// <c>WaitForURLAsync</c> or a single long <c>WaitForLoadStateAsync</c>, which can miss a load event that lands while it subscribes and then waits out its whole timeout
/// (the browser tests' only flaky failures came from it).
/// </summary>
public sealed class NoRacyBrowserWaitsTests
{
    private const string Helper = "tests/Profiles.EndToEnd.Tests/Infrastructure/Navigation.cs";

    [Fact]
    public void Browser_tests_wait_for_addresses_through_the_navigation_helper()
    {
        var offenders = RepositorySources.CSharpLines("tests/Profiles.EndToEnd.Tests", [Helper])
            .Where(hit => hit.Line.Contains(".WaitForURLAsync(", StringComparison.Ordinal) || hit.Line.Contains(".WaitForNavigationAsync(", StringComparison.Ordinal)
                || hit.Line.Contains(".WaitForLoadStateAsync(", StringComparison.Ordinal))
            .Select(hit => $"{hit.File}:{hit.Number}: {hit.Line.Trim()}")
            .ToList();

        Assert.True(File.Exists(Path.Combine(RepositorySources.Root, Helper)), Helper + " is missing");
        Assert.True(offenders.Count == 0, "Use Navigation.ArriveAtAsync / ArriveAtExactlyAsync / SettleAsync instead:\n" + string.Join('\n', offenders));
    }
}
