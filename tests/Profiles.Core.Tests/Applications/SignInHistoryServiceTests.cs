using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Applications;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Settings;

namespace Profiles.Core.Tests.Applications;

public sealed class SignInHistoryServiceTests
{
    private const string UserId = "auth0|me";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly Mock<IUserLogsClient> _logs = new();

    [Fact]
    public void Consecutive_failed_sign_ins_from_one_address_become_one_line_and_unknown_codes_are_left_out()
    {
        LogEvent[] events =
        [
            Log("fp", 1, "203.0.113.7"), Log("fu", 2, "203.0.113.7"), Log("f", 3, "203.0.113.7"), Log("fp", 4, "203.0.113.7"), Log("fp", 5, "203.0.113.7"),
            Log("sapi", 6, "10.0.0.1"), Log("fp", 7, "198.51.100.1"), Log("s", 8, "10.0.0.1"), Log("fp", 9, "203.0.113.7"), Log("limit_wc", 0, "203.0.113.7"),
        ];

        var entries = SignInHistoryService.Group(events);

        Assert.Equal(
            [(SignInEventKinds.SignInBlocked, 1), (SignInEventKinds.SignInFailed, 5), (SignInEventKinds.SignInFailed, 1), (SignInEventKinds.SignedIn, 1), (SignInEventKinds.SignInFailed, 1)],
            entries.Select(e => (e.Kind, e.Count)));
        Assert.Equal(Now.AddMinutes(-1), entries[1].OccurredAt);
        Assert.Equal("203.0.113.7", entries[1].Ip);
        Assert.Equal(SecurityOutcomes.Failed, entries[1].Outcome);
        Assert.Equal(SecurityOutcomes.Refused, entries[0].Outcome);
    }

    [Fact]
    public async Task A_forbidden_answer_means_the_scope_is_missing_and_nothing_throws()
    {
        _logs.Setup(l => l.GetUserLogsAsync(UserId, 50, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.Forbidden, "insufficient_scope", "Insufficient scope", null));

        var history = await Service(new ApplicationsOptions()).GetAsync(UserId, CancellationToken.None);

        Assert.Equal(SignInHistoryStatus.NotPermitted, history.Status);
        Assert.Empty(history.Entries);
    }

    [Fact]
    public async Task An_outage_is_unavailable_and_the_switch_turns_the_call_off()
    {
        _logs.Setup(l => l.GetUserLogsAsync(UserId, 50, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "down", null));
        Assert.Equal(SignInHistoryStatus.Unavailable, (await Service(new ApplicationsOptions()).GetAsync(UserId, CancellationToken.None)).Status);

        var disabled = await Service(new ApplicationsOptions { SignInHistoryEnabled = false }).GetAsync(UserId, CancellationToken.None);

        Assert.Equal(SignInHistoryStatus.Disabled, disabled.Status);
        _logs.Verify(l => l.GetUserLogsAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private SignInHistoryService Service(ApplicationsOptions options) => new(_logs.Object, Options.Create(options),
        Options.Create(new ManagementApiOptions { ClientSecret = "secret" }), NullLogger<SignInHistoryService>.Instance);

    private static LogEvent Log(string type, int minutesAgo, string ip) => new() { Type = type, Date = Now.AddMinutes(-minutesAgo), Ip = ip };
}
