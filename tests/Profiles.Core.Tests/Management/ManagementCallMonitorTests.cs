using Profiles.Core.Management;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Management;

public sealed class ManagementCallMonitorTests
{
    private readonly FakeTimeProvider _time = new(FakeClock.Start);

    [Fact]
    public void Three_recent_failures_that_outnumber_the_successes_are_degraded()
    {
        var monitor = new ManagementCallMonitor(_time);
        monitor.Record(503);
        monitor.Record(null);
        Assert.False(monitor.IsDegraded());

        monitor.Record(403);

        Assert.True(monitor.IsDegraded());
        Assert.Equal((3, 0), monitor.Recent());
    }

    [Fact]
    public void Answers_about_the_request_are_not_failures_and_successes_outweigh_failures()
    {
        var monitor = new ManagementCallMonitor(_time);
        foreach (var status in new int?[] { 404, 400, 200, 429, 500, 502, 200, 200, 200 })
        {
            monitor.Record(status);
        }

        Assert.Equal((3, 6), monitor.Recent());
        Assert.False(monitor.IsDegraded());
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten()
    {
        var monitor = new ManagementCallMonitor(_time);
        for (var i = 0; i < 5; i++)
        {
            monitor.Record(401);
        }

        _time.Advance(ManagementCallMonitor.Window + TimeSpan.FromSeconds(1));

        Assert.Equal((0, 0), monitor.Recent());
        Assert.False(monitor.IsDegraded());
    }
}
