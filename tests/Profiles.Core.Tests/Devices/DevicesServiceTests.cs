using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Applications;
using Profiles.Core.Devices;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Security;
using Profiles.Core.Settings;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Devices;

/// <summary>The devices rules: paging until done, this device by sid, names and methods, the portal's own sessions merged in,
/// degrading to them without the sessions API, sessions that vanish before they are revoked, and the portal session ended
/// with the Auth0 one.</summary>
public sealed class DevicesServiceTests
{
    private const string UserId = "auth0|devices";
    private static readonly DeviceViewer Viewer = new(UserId, "sid-here", "portal-here", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "198.51.100.4");

    private readonly Mock<ISessionsClient> _sessions = new();
    private readonly Mock<IClientsClient> _clients = new();
    private readonly Mock<IPortalSessions> _portal = new();
    private readonly List<ActivePortalSession> _portalSessions = [];
    private readonly Mock<IPortalSessionRevocations> _revocations = new();
    private readonly Mock<ISecurityEventLog> _events = new();
    private readonly Mock<IProfileService> _profiles = new();
    private readonly Mock<IEmailSender> _email = new();
    private readonly Mock<IDevicesSignedOutNotice> _notice = new();
    private readonly DevicesOptions _options = new() { PageSize = 2 };
    private readonly ApplicationsOptions _applications = new() { ClientNames = { ["portal-client"] = "Account portal" } };

    public DevicesServiceTests()
    {
        _profiles.Setup(p => p.GetProfileAsync(UserId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserProfile(UserId, "devices@example.com", true, "Dana", null, "Dana", null, null, null, null, [],
                new JsonObject(), new JsonObject(), false, "Username-Password-Authentication", true));
        _notice.Setup(n => n.Compose(It.IsAny<UserProfile>(), It.IsAny<string>(), It.IsAny<bool>()))
            .Returns((UserProfile _, string to, bool _) => new EmailMessage(to, "Devices were signed out", "…", "devices_signed_out"));
        _portal.Setup(p => p.ListAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(_portalSessions);
    }

    [Fact]
    public async Task Lists_every_page_with_this_device_first_in_plain_words()
    {
        _sessions.Setup(s => s.GetUserSessionsAsync(UserId, 2, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SessionsPage { Sessions = [Session("sid-other", "Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36"), Session("sid-here", null)], Next = "c2" });
        _sessions.Setup(s => s.GetUserSessionsAsync(UserId, 2, "c2", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SessionsPage { Sessions = [Session("sid-ended", null)] });
        _revocations.Setup(r => r.IsEndedAsync(Auth0SessionKeys.For("sid-ended"), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Service().ListAsync(Viewer, CancellationToken.None);

        Assert.True(result.Succeeded);
        var list = result.Value!;
        Assert.True(list.Auth0Sessions);
        Assert.Equal(["sid-here", "sid-other", "sid-ended"], list.Sessions.Select(s => s.Id));
        Assert.True(list.Sessions[0].IsCurrent);
        Assert.False(list.Sessions[1].IsCurrent);
        Assert.Equal(new UserAgentDescription("Chrome", "Windows", false), list.Sessions[1].Device);
        Assert.Equal([new DeviceApplication("portal-client", "Account portal", false), new DeviceApplication("other-app", null, true)],
            list.Sessions[1].Applications);
        Assert.Equal(["pwd", "mfa"], list.Sessions[1].SignInMethods);
        Assert.Equal("203.0.113.1", list.Sessions[1].FirstIp);
        Assert.Equal("203.0.113.2", list.Sessions[1].LastIp);
        Assert.True(list.Sessions[2].Ending);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Without_the_sessions_api_it_lists_this_device_only_and_still_ends_the_portals_other_sessions(HttpStatusCode status)
    {
        _sessions.Setup(s => s.GetUserSessionsAsync(UserId, It.IsAny<int>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(status, null, "This feature is not enabled for this tenant.", null));
        var service = Service();

        var list = await service.ListAsync(Viewer, CancellationToken.None);
        var everywhere = await service.SignOutEverywhereElseAsync(Viewer, CancellationToken.None);

        Assert.Equal(DevicesCodes.SessionsUnavailable, list.Code);
        Assert.False(list.Value!.Auth0Sessions);
        var only = Assert.Single(list.Value.Sessions);
        Assert.True(only.IsCurrent);
        Assert.Equal("Firefox", only.Device.Browser);
        Assert.True(everywhere.Succeeded);
        _revocations.Verify(r => r.RevokeAsync(UserId, "portal-here", It.IsAny<CancellationToken>()), Times.Once);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.SignedOutEverywhereElse, SecurityOutcomes.Succeeded, "portal", It.IsAny<CancellationToken>()));
        _email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_operator_switch_keeps_auth0_out_of_it()
    {
        _options.UseAuth0Sessions = false;

        var list = await Service().ListAsync(Viewer, CancellationToken.None);
        var one = await Service().SignOutDeviceAsync(Viewer, "sid-other", CancellationToken.None);

        Assert.False(list.Value!.Auth0Sessions);
        Assert.Equal(DevicesCodes.SessionsUnavailable, one.Code);
        _sessions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Signing_out_a_device_revokes_it_ends_its_portal_session_records_and_notifies()
    {
        var result = await Service().SignOutDeviceAsync(Viewer, "sid-other", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(DevicesCodes.SignedOut, result.Code);
        _sessions.Verify(s => s.RevokeSessionAsync("sid-other", It.IsAny<CancellationToken>()), Times.Once);
        _revocations.Verify(r => r.EndSessionAsync(UserId, Auth0SessionKeys.For("sid-other"), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.DeviceSignedOut, SecurityOutcomes.Succeeded, "portal+auth0", It.IsAny<CancellationToken>()));
        _notice.Verify(n => n.Compose(It.IsAny<UserProfile>(), "devices@example.com", false));
    }

    [Fact]
    public async Task A_session_gone_before_its_revoke_is_signed_out_not_an_error()
    {
        _sessions.Setup(s => s.RevokeSessionAsync("sid-gone", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.NotFound, null, "The session does not exist.", null));

        var result = await Service().SignOutDeviceAsync(Viewer, "sid-gone", CancellationToken.None);

        Assert.True(result.Succeeded);
        _revocations.Verify(r => r.EndSessionAsync(UserId, Auth0SessionKeys.For("sid-gone"), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task This_device_is_not_signed_out_here_and_a_failing_auth0_is_a_temporary_failure()
    {
        _sessions.Setup(s => s.RevokeSessionAsync("sid-busy", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, null, null));
        var service = Service();

        var here = await service.SignOutDeviceAsync(Viewer, "sid-here", CancellationToken.None);
        var busy = await service.SignOutDeviceAsync(Viewer, "sid-busy", CancellationToken.None);

        Assert.Equal(DevicesCodes.ThisDevice, here.Code);
        Assert.Equal(ServiceOutcome.Busy, busy.Outcome);
        Assert.Equal(DevicesCodes.Unavailable, busy.Code);
        _sessions.Verify(s => s.RevokeSessionAsync("sid-here", It.IsAny<CancellationToken>()), Times.Never);
        _email.Verify(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Everywhere_else_revokes_every_other_session_and_keeps_this_one()
    {
        _sessions.Setup(s => s.GetUserSessionsAsync(UserId, 2, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SessionsPage { Sessions = [Session("sid-here", null), Session("sid-a", null)], Next = "c2" });
        _sessions.Setup(s => s.GetUserSessionsAsync(UserId, 2, "c2", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SessionsPage { Sessions = [Session("sid-b", null)] });

        var result = await Service().SignOutEverywhereElseAsync(Viewer, CancellationToken.None);

        Assert.Equal(DevicesCodes.SignedOutEverywhereElse, result.Code);
        _sessions.Verify(s => s.RevokeSessionAsync("sid-a", It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(s => s.RevokeSessionAsync("sid-b", It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(s => s.RevokeSessionAsync("sid-here", It.IsAny<CancellationToken>()), Times.Never);
        _revocations.Verify(r => r.RevokeAsync(UserId, "portal-here", It.IsAny<CancellationToken>()), Times.Once);
        _notice.Verify(n => n.Compose(It.IsAny<UserProfile>(), "devices@example.com", true));
    }

    [Fact]
    public async Task Applications_are_named_by_the_operator_else_by_auth0_once_per_application()
    {
        var mail = Session("sid-mail", null);
        mail.Clients = [new SessionClient { ClientId = "mail-app" }, new SessionClient { ClientId = "portal-client" }];
        var again = Session("sid-mail-2", null);
        again.Clients = [new SessionClient { ClientId = "mail-app" }];
        _sessions.Setup(s => s.GetUserSessionsAsync(UserId, 2, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SessionsPage { Sessions = [mail, again] });
        _clients.Setup(c => c.GetAsync("mail-app", It.IsAny<CancellationToken>())).ReturnsAsync(new ClientSummary { ClientId = "mail-app", Name = "Mail" });

        var list = (await Service().ListAsync(Viewer, CancellationToken.None)).Value!;

        Assert.Equal([new DeviceApplication("mail-app", "Mail", false), new DeviceApplication("portal-client", "Account portal", false)],
            list.Sessions.Single(s => s.Id == "sid-mail").Applications);
        _clients.Verify(c => c.GetAsync("mail-app", It.IsAny<CancellationToken>()), Times.Once);
        _clients.Verify(c => c.GetAsync("portal-client", It.IsAny<CancellationToken>()), Times.Never);
        _clients.Verify(c => c.GetAsync("other-app", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_portal_session_is_shown_on_its_auth0_sessions_row_and_one_auth0_does_not_list_has_its_own()
    {
        _sessions.Setup(s => s.GetUserSessionsAsync(UserId, 2, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SessionsPage { Sessions = [Session("sid-here", null), Session("sid-other", null)] });
        _portalSessions.AddRange([
            Portal("portal-here", "sid-here", FakeClock.Start.AddMinutes(-2)),
            Portal("portal-other", "sid-other", FakeClock.Start.AddMinutes(-10)),
            Portal("portal-alone", "sid-gone", FakeClock.Start.AddMinutes(-30)),
        ]);

        var list = (await Service().ListAsync(Viewer, CancellationToken.None)).Value!;

        Assert.Equal([("sid-here", "portal-here"), ("sid-other", "portal-other"), (null, "portal-alone")],
            list.Sessions.Select(s => (s.Id, s.PortalSessionId)));
        var other = list.Sessions[1];
        Assert.Equal(FakeClock.Start.AddMinutes(-10), other.LastActiveAt);
        Assert.Equal("192.0.2.50", other.LastIp);
        var alone = list.Sessions[2];
        Assert.False(alone.IsCurrent);
        Assert.Equal(new DeviceApplication("other-app", null, true), Assert.Single(alone.Applications));
        Assert.Equal("Safari", alone.Device.Browser);
    }

    [Fact]
    public async Task Without_the_sessions_api_the_portals_sessions_are_listed_and_one_can_be_signed_out_but_only_the_users_own()
    {
        _sessions.Setup(s => s.GetUserSessionsAsync(UserId, It.IsAny<int>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.Forbidden, null, "This feature is not enabled for this tenant.", null));
        _portalSessions.AddRange([Portal("portal-alone", null, FakeClock.Start.AddMinutes(-30)), Portal("portal-here", "sid-here", FakeClock.Start)]);
        var service = Service();

        var list = (await service.ListAsync(Viewer, CancellationToken.None)).Value!;
        var other = await service.SignOutPortalSessionAsync(Viewer, "portal-alone", CancellationToken.None);
        var here = await service.SignOutPortalSessionAsync(Viewer, "portal-here", CancellationToken.None);
        var someoneElses = await service.SignOutPortalSessionAsync(Viewer, "portal-of-someone-else", CancellationToken.None);

        Assert.False(list.Auth0Sessions);
        Assert.Equal([("portal-here", true), ("portal-alone", false)], list.Sessions.Select(s => (s.PortalSessionId!, s.IsCurrent)));
        Assert.Equal(DevicesCodes.SignedOut, other.Code);
        Assert.Equal(DevicesCodes.ThisDevice, here.Code);
        Assert.True(someoneElses.Succeeded);
        _revocations.Verify(r => r.EndSessionAsync(UserId, "portal-alone", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        _revocations.Verify(r => r.EndSessionAsync(It.IsAny<string>(), It.IsNotIn("portal-alone"), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.DeviceSignedOut, SecurityOutcomes.Succeeded, "portal", It.IsAny<CancellationToken>()), Times.Once);
        _notice.Verify(n => n.Compose(It.IsAny<UserProfile>(), "devices@example.com", false), Times.Once);
    }

    private static ActivePortalSession Portal(string id, string? auth0SessionId, DateTimeOffset lastSeen) =>
        new(id, auth0SessionId, new UserAgentDescription("Safari", "macOS", false), "192.0.2.1", "192.0.2.50",
            FakeClock.Start.AddHours(-5), lastSeen, FakeClock.Start.AddHours(3));

    private static Session Session(string id, string? userAgent) => new()
    {
        Id = id,
        AuthenticatedAt = FakeClock.Start.AddHours(-3),
        LastInteractedAt = id == "sid-here" ? FakeClock.Start : FakeClock.Start.AddHours(-1),
        Device = new SessionDevice { InitialUserAgent = userAgent, LastUserAgent = userAgent, InitialIp = "203.0.113.1", LastIp = "203.0.113.2" },
        Clients = [new SessionClient { ClientId = "portal-client" }, new SessionClient { ClientId = "other-app" }],
        Authentication = new SessionAuthentication
        {
            Methods = [new SessionAuthenticationMethod { Name = "pwd" }, new SessionAuthenticationMethod { Name = "mfa", Type = "otp" }],
        },
    };

    private DevicesService Service()
    {
        var management = Options.Create(new ManagementApiOptions { ClientSecret = "test-secret" });
        var notifier = new DevicesNotifier(_profiles.Object, _email.Object, _notice.Object, management, NullLogger<DevicesNotifier>.Instance);
        var clock = new FakeTimeProvider(FakeClock.Start);
        var names = new ClientNames(Options.Create(_applications), clock, NullLogger<ClientNames>.Instance);
        return new DevicesService(_sessions.Object, _clients.Object, names, _portal.Object, _revocations.Object, _events.Object, notifier, clock,
            Options.Create(_options), Options.Create(new Auth0Options { ClientId = "other-app" }), management, NullLogger<DevicesService>.Instance);
    }
}
