using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Authentication;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Password;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Security;
using Profiles.Core.Settings;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Password;

/// <summary>The password rules the journey tests cannot provoke at the local tenant: server failures, Auth0 refusing the
/// session call, unverified addresses and linked database identities.</summary>
public sealed class PasswordServiceTests
{
    private const string UserId = "google-oauth2|1035";
    private const string Password = "Tr1cky-Harbor-47";

    private readonly Mock<IProfileService> _profiles = new();
    private readonly Mock<IUsersClient> _users = new();
    private readonly Mock<ISessionsClient> _sessions = new();
    private readonly Mock<IAuthenticationApiClient> _authentication = new();
    private readonly Mock<IActionThrottle> _throttle = new();
    private readonly Mock<ISecurityEventLog> _events = new();
    private readonly Mock<IPortalSessionRevocations> _revocations = new();
    private readonly Mock<IEmailSender> _email = new();
    private readonly Mock<IPasswordChangedNotice> _notice = new();
    private readonly PasswordOptions _options = new();

    public PasswordServiceTests()
    {
        Profile(emailVerified: true);
        _throttle.Setup(t => t.TryAcquireAsync(UserId, PasswordService.ResetLinkAction, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ThrottleDecision.Allow());
        _notice.Setup(n => n.Compose(It.IsAny<UserProfile>(), It.IsAny<string>()))
            .Returns((UserProfile _, string to) => new EmailMessage(to, "Your password was changed", "…", "password_changed"));
        _users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Auth0User());
    }

    [Fact]
    public async Task A_linked_database_identity_gets_the_reset_link_at_its_own_address_and_connection()
    {
        var result = await Service().SendResetLinkAsync(UserId, CancellationToken.None);

        Assert.True(result.Succeeded);
        _authentication.Verify(a => a.ChangePasswordAsync("carol.db@example.com", "Username-Password-Authentication", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_refused_reset_request_frees_the_cooldown_but_a_server_failure_keeps_it()
    {
        _authentication.SetupSequence(a => a.ChangePasswordAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AuthenticationApiException(HttpStatusCode.BadRequest, "bad.connection", null, null))
            .ThrowsAsync(new AuthenticationApiException(HttpStatusCode.ServiceUnavailable, null, null, null));
        var service = Service();

        var refused = await service.SendResetLinkAsync(UserId, CancellationToken.None);
        _throttle.Verify(t => t.ReleaseAsync(UserId, PasswordService.ResetLinkAction, It.IsAny<CancellationToken>()), Times.Once);
        var failed = await service.SendResetLinkAsync(UserId, CancellationToken.None);

        Assert.Equal(PasswordErrorCodes.Rejected, refused.Code);
        Assert.Equal(PasswordErrorCodes.Unavailable, failed.Code);
        _throttle.Verify(t => t.ReleaseAsync(UserId, PasswordService.ResetLinkAction, It.IsAny<CancellationToken>()), Times.Once);
        _authentication.Verify(a => a.ChangePasswordAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Auth0s_429_on_the_reset_link_comes_back_with_its_wait()
    {
        _authentication.Setup(a => a.ChangePasswordAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AuthenticationApiException(HttpStatusCode.TooManyRequests, "too_many_requests", null,
                new RateLimitInfo(10, 0, null, TimeSpan.FromSeconds(42))));

        var result = await Service().SendResetLinkAsync(UserId, CancellationToken.None);

        Assert.Equal(PasswordErrorCodes.RateLimited, result.Code);
        Assert.Equal(TimeSpan.FromSeconds(42), result.RetryAfter);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.PasswordResetRequested, SecurityOutcomes.Throttled, PasswordErrorCodes.RateLimited,
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_change_sends_the_identitys_connection_and_a_server_failure_ends_nothing_and_sends_no_notice()
    {
        UserUpdateRequest? sent = null;
        _users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .Callback((string _, UserUpdateRequest request, CancellationToken _) => sent = request)
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.BadGateway, null, null, null));

        var result = await Service().ChangePasswordAsync(UserId, "session-1", Password, Password, CancellationToken.None);

        Assert.Equal(PasswordErrorCodes.Unavailable, result.Code);
        Assert.Equal(["password", "connection"], sent!.AssignedKeys);
        Assert.Equal("Username-Password-Authentication", sent.Connection);
        _revocations.VerifyNoOtherCalls();
        _sessions.VerifyNoOtherCalls();
        _email.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("PasswordHistoryError: Password has previously been used", PasswordErrorCodes.ReusedRecently)]
    [InlineData("PasswordDictionaryError: Password is too common", PasswordErrorCodes.TooCommon)]
    [InlineData("PasswordNoUserInfoError: Password contains user information", PasswordErrorCodes.ContainsPersonalInfo)]
    [InlineData("Cannot change email or password for users in a disabled connection", PasswordErrorCodes.Rejected)]
    public async Task Auth0s_policy_refusals_become_readable_codes(string message, string expected)
    {
        _users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.BadRequest, "invalid_body", message, null));

        var result = await Service().ChangePasswordAsync(UserId, null, Password, Password, CancellationToken.None);

        Assert.Equal(expected, result.Code);
        Assert.True((result.Outcome == ServiceOutcome.FieldError) == (expected != PasswordErrorCodes.Rejected));
    }

    [Fact]
    public async Task When_Auth0_refuses_to_end_its_sessions_the_change_still_succeeds_and_says_only_portal_sessions_ended()
    {
        _sessions.Setup(s => s.DeleteUserSessionsAsync(UserId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.Forbidden, "insufficient_scope", null, null));

        var result = await Service().ChangePasswordAsync(UserId, "session-1", Password, Password, CancellationToken.None);

        Assert.True(result.Succeeded);
        _revocations.Verify(r => r.RevokeAsync(UserId, "session-1", It.IsAny<CancellationToken>()), Times.Once);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.SessionsEnded, SecurityOutcomes.Failed, "portal", It.IsAny<CancellationToken>()), Times.Once);
        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.To == "carol@gmail.example"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_unverified_address_gets_no_notice_and_a_failed_notice_does_not_undo_the_change()
    {
        Profile(emailVerified: false);
        var unverified = await Service().ChangePasswordAsync(UserId, null, Password, Password, CancellationToken.None);
        _email.VerifyNoOtherCalls();

        Profile(emailVerified: true);
        _email.Setup(e => e.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("down"));
        var unsent = await Service().ChangePasswordAsync(UserId, null, Password, Password, CancellationToken.None);

        Assert.True(unverified.Succeeded);
        Assert.True(unsent.Succeeded);
    }

    [Fact]
    public async Task With_Auth0_sessions_disabled_only_the_portal_sessions_end()
    {
        _options.EndAuth0Sessions = false;

        var result = await Service().ChangePasswordAsync(UserId, null, Password, Password, CancellationToken.None);

        Assert.True(result.Succeeded);
        _sessions.VerifyNoOtherCalls();
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.SessionsEnded, SecurityOutcomes.Succeeded, "portal", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("good", "abcdefgh", false)]
    [InlineData("good", "abcDEF12", true)]
    [InlineData("fair", "abcDEF12", true)]
    [InlineData("low", "abcdef", true)]
    [InlineData("excellent", "abcDEF12!x", true)]
    [InlineData("excellent", "aaaDEF12!x", false)]
    public void The_policy_description_follows_Auth0s_levels(string strength, string password, bool allMet)
    {
        var rules = PasswordPolicy.Evaluate(new PasswordOptions { PolicyStrength = strength, PolicyMinLength = 0 }, password);

        Assert.Equal(allMet, rules.All(r => r.Met));
    }

    private PasswordService Service()
    {
        var audit = new PasswordAudit(_events.Object, TestMetrics.Journeys(), Options.Create(new ManagementApiOptions()), NullLogger<PasswordAudit>.Instance);
        var followUp = new PasswordChangeFollowUp(_sessions.Object, _revocations.Object, _events.Object, _email.Object, _notice.Object, Options.Create(_options),
            Options.Create(new ManagementApiOptions()), NullLogger<PasswordChangeFollowUp>.Instance);
        return new PasswordService(_profiles.Object,
            new PasswordResetLinks(_profiles.Object, _authentication.Object, _throttle.Object, audit, Options.Create(_options)),
            new PasswordChange(_profiles.Object, _users.Object, followUp, audit, Options.Create(_options)));
    }

    /// <summary>Carol: Google primary with a linked database identity that has its own address.</summary>
    private void Profile(bool emailVerified) =>
        _profiles.Setup(p => p.GetProfileAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(new UserProfile(
            UserId, "carol@gmail.example", emailVerified, "Carol", null, "Carol", null, null, null, null,
            [
                new LinkedIdentity("google-oauth2", "google-oauth2", "1035", true, true, "carol@gmail.example"),
                new LinkedIdentity("auth0", "Username-Password-Authentication", "64b9", false, false, "carol.db@example.com"),
            ],
            new JsonObject(), new JsonObject(), true, "google-oauth2", true));
}
