using Profiles.Core.Activity;
using Profiles.Core.Management.Models;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Applications;

/// <summary>The security activity page's one timeline: the portal's events and Auth0's sign-in history, newest first, with
/// failed sign-ins still grouped.</summary>
public sealed class ActivityTimelineTests
{
    [Fact]
    public void Portal_events_and_sign_ins_are_one_timeline_newest_first_with_failures_grouped()
    {
        var start = FakeClock.Start;
        var signIns = SignInHistoryService.Group([
            Log("s", start.AddMinutes(-1)),
            Log("fp", start.AddMinutes(-20)),
            Log("fp", start.AddMinutes(-21)),
            Log("fp", start.AddMinutes(-22)),
            Log("s", start.AddHours(-2)),
        ]);
        var portal = new[]
        {
            new SecurityEvent(SecurityActions.PasswordChanged, SecurityOutcomes.Succeeded, start.AddMinutes(-10), "c1", null),
            new SecurityEvent(SecurityActions.DeviceSignedOut, SecurityOutcomes.Succeeded, start.AddHours(-3), "c2", "portal"),
        };

        var timeline = ActivityEntry.Merge(portal, signIns);

        Assert.Equal(
            [SignInEventKinds.SignedIn, SecurityActions.PasswordChanged, SignInEventKinds.SignInFailed, SignInEventKinds.SignedIn, SecurityActions.DeviceSignedOut],
            timeline.Select(e => e.PortalEvent?.Action ?? e.SignIn!.Kind));
        Assert.Equal(3, timeline[2].SignIn!.Count);
        Assert.Equal("203.0.113.7", timeline[2].SignIn!.Ip);
        Assert.Equal(timeline.Select(e => e.OccurredAt).OrderByDescending(t => t), timeline.Select(e => e.OccurredAt));
    }

    private static LogEvent Log(string type, DateTimeOffset date) => new() { Type = type, Date = date, Ip = "203.0.113.7" };
}
