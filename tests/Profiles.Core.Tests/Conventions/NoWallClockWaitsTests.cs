using System.Text.RegularExpressions;

namespace Profiles.Core.Tests.Conventions;

/// <summary>Tests let time pass on the fake clock, never by sleeping: a sleep makes a test slow when the machine is idle and
/// flaky when it is busy. This scans every test project's sources.</summary>
public sealed partial class NoWallClockWaitsTests
{
    /// <summary>The only files that may wait in real time: each project's polling helper and the external servers' start-up poll, which wait for a real background
    /// result (a worker's round, a request in flight) with a deadline, the one kind of real-time wait that is allowed; and this
    /// file, whose examples below are strings.</summary>
    private static readonly string[] AllowedFiles =
    [
        "tests/Profiles.Core.Tests/Infrastructure/Eventually.cs",
        "tests/Profiles.Web.Tests/Infrastructure/Eventually.cs",
        "tests/Profiles.TestServices/ServerProcess.cs",
        "tests/Profiles.TestServices/PostgresServer.cs",
        "tests/Profiles.Web.Tests/Deployment/ScaleOut/PortalInstance.cs",
        "tests/Profiles.Core.Tests/Conventions/NoWallClockWaitsTests.cs",
    ];

    [Fact]
    public void No_test_sleeps_outside_the_polling_helpers()
    {
        var offenders = RepositorySources.CSharpLines("tests", AllowedFiles)
            .Where(hit => WallClockWait().IsMatch(hit.Line))
            .Select(hit => $"{hit.File}:{hit.Number}: {hit.Line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Wait on the fake clock or poll through Eventually instead:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("await Task.Delay(20);", true)]
    [InlineData("await Task.Delay(TimeSpan.FromSeconds(2));", true)]
    [InlineData("Thread.Sleep(1100);", true)]
    [InlineData("SpinWait.SpinUntil(() => done, 500);", true)]
    [InlineData("await Task.Delay(Timeout.Infinite, token);", false)]
    [InlineData("await Task.Delay(Timeout.InfiniteTimeSpan, token);", false)]
    [InlineData("clock.Advance(TimeSpan.FromSeconds(1));", false)]
    public void The_scan_recognises_a_sleep(string line, bool isWait) => Assert.Equal(isWait, WallClockWait().IsMatch(line));

    // Task.Delay(Timeout.Infinite[TimeSpan], token) is a stub that never answers until cancelled, not a wait for time to pass.
    [GeneratedRegex(@"\bThread\.Sleep\(|\bSpinWait\.SpinUntil\(|\bTask\.Delay\((?!Timeout\.Infinite(?:TimeSpan)?\b)")]
    private static partial Regex WallClockWait();
}
