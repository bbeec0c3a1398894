using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Applications;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Settings;

namespace Profiles.Core.Tests.Applications;

public sealed class ApplicationsServiceTests
{
    private const string UserId = "auth0|me";
    private const string PortalId = "portal";
    private readonly Mock<IGrantsClient> _grants = new();
    private readonly Mock<IRefreshTokensClient> _tokens = new();
    private readonly Mock<IClientsClient> _clients = new();
    private readonly Mock<ISecurityEventLog> _events = new();
    private readonly Mock<IProfileService> _profiles = new();
    private readonly Mock<IEmailSender> _email = new();
    private readonly Mock<IApplicationRemovedNotice> _notice = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ApplicationsOptions _options = new() { ClientNames = { ["configured-app"] = "Configured App" } };

    public ApplicationsServiceTests()
    {
        _grants.Setup(g => g.GetAllAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new Grant { Id = "g1", ClientId = "mail-app", Scope = ["openid", "email"] },
            new Grant { Id = "g2", ClientId = PortalId, Scope = ["openid", "profile"] },
            new Grant { Id = "g3", ClientId = "configured-app", Scope = ["openid"] },
        ]);
        _tokens.Setup(t => t.GetUserRefreshTokensAsync(UserId, 50, null, It.IsAny<CancellationToken>())).ReturnsAsync(new RefreshTokensPage
        {
            Tokens = [Token("rt1", "mail-app", _time.GetUtcNow().AddDays(-3), null)],
            Next = "rt1",
        });
        _tokens.Setup(t => t.GetUserRefreshTokensAsync(UserId, 50, "rt1", It.IsAny<CancellationToken>())).ReturnsAsync(new RefreshTokensPage
        {
            Tokens = [Token("rt2", "mail-app", _time.GetUtcNow().AddDays(-2), _time.GetUtcNow().AddHours(-1)), Token("rt3", "other", _time.GetUtcNow().AddDays(-9), null)],
        });
        _clients.Setup(c => c.GetAsync("mail-app", It.IsAny<CancellationToken>())).ReturnsAsync(new ClientSummary { ClientId = "mail-app", Name = "Mail" });
        _clients.Setup(c => c.GetAsync("other", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.NotFound, "inexistent_client", "The client does not exist", null));
        _profiles.Setup(p => p.GetProfileAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(
            new UserProfile(UserId, "me@example.com", true, "Me", null, null, null, null, null, null, [], [], [], false, "db", true));
        _notice.Setup(n => n.Compose(It.IsAny<UserProfile>(), "me@example.com", It.IsAny<string>()))
            .Returns((UserProfile _, string to, string name) => new EmailMessage(to, "removed " + name, "body", "application_removed"));
    }

    [Fact]
    public async Task Lists_grants_and_every_page_of_refresh_tokens_grouped_by_application_most_recent_first()
    {
        var result = await Service().ListAsync(UserId, CancellationToken.None);

        Assert.True(result.Succeeded);
        var apps = result.Value!.Applications;
        Assert.True(result.Value.RefreshTokensAvailable);
        var mail = apps[0];
        Assert.Equal(("mail-app", "Mail"), (mail.ClientId, mail.Name));
        Assert.Equal(["email", "offline_access", "openid"], mail.Scopes);
        Assert.Equal(2, mail.RefreshTokenCount);
        Assert.Equal(_time.GetUtcNow().AddDays(-3), mail.FirstUsedAt);
        Assert.Equal(_time.GetUtcNow().AddHours(-1), mail.LastUsedAt);
        Assert.Null(apps.Single(a => a.ClientId == "other").Name);
        Assert.Equal("Configured App", apps.Single(a => a.ClientId == "configured-app").Name);
        Assert.True(apps.Single(a => a.ClientId == PortalId).IsPortal);
        _clients.Verify(c => c.GetAsync("configured-app", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Names_read_from_auth0_are_remembered_between_page_views()
    {
        var names = new ClientNames(Options.Create(_options), _time, NullLogger<ClientNames>.Instance);
        await Service(names).ListAsync(UserId, CancellationToken.None);
        await Service(names).ListAsync(UserId, CancellationToken.None);

        _clients.Verify(c => c.GetAsync("mail-app", It.IsAny<CancellationToken>()), Times.Once);
        _time.Advance(TimeSpan.FromMinutes(61));
        await Service(names).ListAsync(UserId, CancellationToken.None);
        _clients.Verify(c => c.GetAsync("mail-app", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Without_the_refresh_token_endpoint_the_grants_are_still_listed()
    {
        _tokens.Setup(t => t.GetUserRefreshTokensAsync(UserId, 50, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.Forbidden, "insufficient_scope", "Insufficient scope", null));

        var result = await Service().ListAsync(UserId, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.False(result.Value!.RefreshTokensAvailable);
        Assert.Equal(3, result.Value.Applications.Count);
        Assert.All(result.Value.Applications, a => Assert.Equal(0, a.RefreshTokenCount));
    }

    [Fact]
    public async Task Removing_revokes_only_that_applications_grants_and_tokens_records_and_notifies()
    {
        var result = await Service().RemoveAsync(UserId, "mail-app", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(ApplicationsCodes.Removed, result.Code);
        _grants.Verify(g => g.DeleteAsync("g1", It.IsAny<CancellationToken>()), Times.Once);
        _grants.Verify(g => g.DeleteAsync(It.IsNotIn("g1"), It.IsAny<CancellationToken>()), Times.Never);
        _tokens.Verify(t => t.DeleteAsync("rt1", It.IsAny<CancellationToken>()), Times.Once);
        _tokens.Verify(t => t.DeleteAsync("rt2", It.IsAny<CancellationToken>()), Times.Once);
        _tokens.Verify(t => t.DeleteAsync("rt3", It.IsAny<CancellationToken>()), Times.Never);
        _events.Verify(e => e.RecordAsync(UserId, ApplicationsSecurityActions.ApplicationRemoved, SecurityOutcomes.Succeeded, "mail-app", It.IsAny<CancellationToken>()));
        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.Subject == "removed Mail"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("unknown-app", ApplicationsCodes.NotConnected)]
    [InlineData(PortalId, ApplicationsCodes.IsPortal)]
    [InlineData("", ApplicationsCodes.NotConnected)]
    public async Task Removing_an_application_that_is_not_connected_or_is_the_portal_changes_nothing(string clientId, string code)
    {
        var result = await Service().RemoveAsync(UserId, clientId, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Code);
        _grants.Verify(g => g.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _tokens.Verify(t => t.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _email.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_auth0_outage_during_removal_is_busy_and_recorded_as_failed()
    {
        _grants.Setup(g => g.DeleteAsync("g1", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "down", null));

        var result = await Service().RemoveAsync(UserId, "mail-app", CancellationToken.None);

        Assert.Equal(ApplicationsCodes.Busy, result.Code);
        Assert.True(result.IsTemporary);
        _events.Verify(e => e.RecordAsync(UserId, ApplicationsSecurityActions.ApplicationRemoved, SecurityOutcomes.Failed, "mail-app", It.IsAny<CancellationToken>()));
        _email.VerifyNoOtherCalls();
    }

    private ApplicationsService Service(ClientNames? names = null) => new(_grants.Object, _tokens.Object, _clients.Object,
        names ?? new ClientNames(Options.Create(_options), _time, NullLogger<ClientNames>.Instance), _events.Object, _profiles.Object, _email.Object,
        _notice.Object, Options.Create(_options), Options.Create(new Auth0Options { ClientId = PortalId }),
        Options.Create(new ManagementApiOptions { ClientSecret = "secret" }), NullLogger<ApplicationsService>.Instance);

    private static RefreshToken Token(string id, string clientId, DateTimeOffset created, DateTimeOffset? exchanged) => new()
    {
        Id = id,
        ClientId = clientId,
        CreatedAt = created,
        LastExchangedAt = exchanged,
        ResourceServers = [new RefreshTokenResourceServer { Audience = "https://tenant/userinfo", Scopes = "openid offline_access" }],
    };
}
