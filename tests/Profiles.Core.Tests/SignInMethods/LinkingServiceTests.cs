using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.SignInMethods;
using Profiles.Core.Tests.Infrastructure;
using Profiles.Core.Writes;

namespace Profiles.Core.Tests.SignInMethods;

/// <summary>The linking rules against Management API answers the local tenant does not easily produce (409, 5xx, 400 on unlink).</summary>
public sealed class LinkingServiceTests
{
    private const string UserId = "auth0|primary";
    private const string CandidateId = "github|42";

    private readonly Mock<IUsersClient> _users = new(MockBehavior.Strict);
    private readonly Mock<IProfileService> _profiles = new(MockBehavior.Strict);
    private readonly Mock<IEmailSender> _email = new(MockBehavior.Strict);
    private readonly Mock<ISecurityEventLog> _events = new();
    private readonly FakeTimeProvider _time = new(FakeClock.Start);
    private readonly LinkingOptions _options = new();

    public LinkingServiceTests()
    {
        new LinkingOptionsSetup().PostConfigure(null, _options);
        _events.Setup(e => e.RecordAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _users.Setup(u => u.GetAsync(CandidateId, It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Auth0User
        {
            UserId = CandidateId,
            Identities = [new Auth0Identity { Provider = "github", Connection = "github", UserId = "42", IsSocial = true }],
            UserMetadata = new JsonObject { ["theme"] = "dark" },
        });
    }

    [Fact]
    public async Task A_conflict_from_auth0_is_reported_as_already_linked_and_nothing_is_sent()
    {
        Profile(emailVerified: true);
        _users.Setup(u => u.LinkAccountAsync(UserId, "github", "42", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.Conflict, "identity_conflict", "Specified identity already exists.", null));

        var result = await Service().LinkAsync(UserId, Candidate(), CancellationToken.None);

        Assert.Equal(LinkRefusal.AlreadyLinked, result.Code);
        Assert.False(result.IsTemporary);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.IdentityLinked, SecurityOutcomes.Refused, LinkRefusal.AlreadyLinked, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_server_failure_is_temporary_and_recorded_as_failed()
    {
        Profile(emailVerified: true);
        _users.Setup(u => u.LinkAccountAsync(UserId, "github", "42", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, null, null));

        var result = await Service().LinkAsync(UserId, Candidate(), CancellationToken.None);

        Assert.Equal(LinkRefusal.Unavailable, result.Code);
        Assert.True(result.IsTemporary);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.IdentityLinked, SecurityOutcomes.Failed, LinkRefusal.Unavailable, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task The_preview_counts_the_metadata_auth0_will_discard()
    {
        Profile(emailVerified: true);

        var result = await Service().PreviewAsync(UserId, Candidate(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(new LinkPreview("github", "github", "GitHub", "me@github.example", true, 1), result.Value);
    }

    [Fact]
    public async Task Without_a_verified_address_the_link_happens_but_no_notice_is_sent()
    {
        _options.Find("github")!.RequireVerifiedEmail = false;
        Profile(emailVerified: false);
        _users.Setup(u => u.LinkAccountAsync(UserId, "github", "42", null, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var result = await Service().LinkAsync(UserId, Candidate(emailVerified: false), CancellationToken.None);

        Assert.True(result.Succeeded);
        _email.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_candidate_older_than_the_window_is_refused_before_any_call()
    {
        var result = await Service().LinkAsync(UserId, Candidate() with { AuthenticatedAt = _time.GetUtcNow().AddMinutes(-11) }, CancellationToken.None);

        Assert.Equal(LinkRefusal.CandidateExpired, result.Code);
        _users.Verify(u => u.LinkAccountAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Auth0_refusing_an_unlink_is_reported_as_the_main_identity()
    {
        Profile(emailVerified: true, withGithub: true);
        _users.Setup(u => u.UnlinkAccountAsync(UserId, "github", "42", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.BadRequest, "invalid_body", "Main identity cannot be removed.", null));

        var result = await Service().UnlinkAsync(UserId, "github", "42", CancellationToken.None);

        Assert.Equal(LinkRefusal.MainIdentity, result.Code);
    }

    [Fact]
    public void Defaults_are_added_once_and_duplicates_are_refused()
    {
        var configured = new LinkingOptions { Connections = [new LinkableConnection { Name = "github" }, new LinkableConnection { Name = "github" }] };
        new LinkingOptionsSetup().PostConfigure(null, configured);

        Assert.Equal(["google-oauth2", "github", "Username-Password-Authentication"], _options.Connections.Select(c => c.Name));
        Assert.All(_options.Connections, c => Assert.True(c.RequireVerifiedEmail));
        Assert.Equal(2, configured.Connections.Count);
        Assert.True(new LinkingOptionsValidator().Validate(null, configured).Failed);
        Assert.True(new LinkingOptionsValidator().Validate(null, _options).Succeeded);
    }

    private LinkCandidate Candidate(bool emailVerified = true) =>
        new(UserId, CandidateId, "me@github.example", emailVerified, "github", _time.GetUtcNow().AddMinutes(-1));

    private void Profile(bool emailVerified, bool withGithub = false)
    {
        List<LinkedIdentity> identities = [new LinkedIdentity("auth0", "Username-Password-Authentication", "primary", false, true, "me@example.com")];
        if (withGithub)
        {
            identities.Add(new LinkedIdentity("github", "github", "42", true, false, "me@github.example"));
        }

        var profile = new UserProfile(UserId, "me@example.com", emailVerified, "Me", null, null, null, null, null, null, identities,
            new JsonObject(), new JsonObject(), false, "Username-Password-Authentication", true);
        _profiles.Setup(p => p.RefreshProfileAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(profile);
        _profiles.Setup(p => p.GetProfileAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(profile);
    }

    private LinkingService Service() => new(_users.Object, _profiles.Object, _email.Object, new Mock<ILinkingNotices>().Object, _events.Object, TestMetrics.Journeys(),
        Options.Create(_options), Options.Create(new PreferencesOptions { Fields = [new PreferenceField { Key = "preferred_language", DrivesUiCulture = true }] }),
        _time, new WriteReconciler(_profiles.Object, NullLogger.Instance), NullLogger<LinkingService>.Instance);
}
