using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Authenticators;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Settings;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Authenticators;

/// <summary>The two-step verification rules: which API is used, the last-factor rule, enrolment with limited attempts, the
/// enrolment-ticket fallback, and the My Account API's 429 held back across calls.</summary>
public sealed class AuthenticatorsServiceTests : IDisposable
{
    private const string UserId = "auth0|mfa";
    private static readonly AuthenticatorViewer Viewer = new(UserId, "sid-mfa");

    private readonly Mock<IMyAccountClient> _myAccount = new(MockBehavior.Strict);
    private readonly Mock<IAuthenticationMethodsClient> _management = new(MockBehavior.Strict);
    private readonly Mock<ISecurityEventLog> _events = new();
    private readonly Mock<IProfileService> _profiles = new();
    private readonly Mock<IEmailSender> _email = new();
    private readonly Mock<IAuthenticatorsNotice> _notice = new();
    private readonly FakeTimeProvider _time = new(FakeClock.Start);
    private readonly TestCaches _caches = new();
    private readonly AuthenticatorsOptions _options = new();
    private readonly AuthenticatorStateStore _state;

    public AuthenticatorsServiceTests()
    {
        _state = new AuthenticatorStateStore(_caches.Cache, new EphemeralDataProtectionProvider(), _time);
        _profiles.Setup(p => p.GetProfileAsync(UserId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserProfile(UserId, "mfa@example.com", true, "Mia", null, "Mia", null, null, null, null, [],
                new JsonObject(), new JsonObject(), false, "Username-Password-Authentication", true));
        _notice.Setup(n => n.Compose(It.IsAny<UserProfile>(), It.IsAny<string>(), It.IsAny<string>()))
            .Returns((UserProfile _, string to, string change) => new EmailMessage(to, "Two-step verification changed", change, "authenticators_changed"));
    }

    public void Dispose() => _caches.Dispose();

    [Fact]
    public async Task Without_a_token_the_management_api_lists_methods_in_plain_kinds_second_factors_first()
    {
        _management.Setup(m => m.GetAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new AuthenticationMethod { Id = "recovery-code|dev_1", Type = "recovery-code", Confirmed = true, CreatedAt = FakeClock.Start.AddDays(-9) },
            new AuthenticationMethod { Id = "passkey|dev_2", Type = "passkey", CreatedAt = FakeClock.Start.AddDays(-8), CredentialDeviceType = "multi_device",
                Aaguid = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd" },
            new AuthenticationMethod { Id = "totp|dev_3", Type = "totp", Confirmed = true, Name = "Work phone", CreatedAt = FakeClock.Start.AddDays(-7),
                LastAuthAt = FakeClock.Start.AddDays(-1) },
            new AuthenticationMethod { Id = "phone|dev_4", Type = "phone", Confirmed = false, PhoneNumber = "XXXXXXXX4567" },
            new AuthenticationMethod { Id = "password|auth0", Type = "password" },
            new AuthenticationMethod { Id = "webauthn-roaming|dev_5", Type = "webauthn-roaming", Confirmed = true, EnrolledAt = FakeClock.Start.AddDays(-2),
                Aaguid = "00000000-0000-0000-0000-000000000000" },
        ]);

        var result = await Service().ListAsync(Viewer, CancellationToken.None);

        Assert.True(result.Succeeded);
        var list = result.Value!;
        Assert.Equal(AuthenticatorSource.Management, list.Source);
        Assert.Equal(["totp|dev_3", "webauthn-roaming|dev_5", "passkey|dev_2", "recovery-code|dev_1"], list.Methods.Select(m => m.Id));
        Assert.Equal(2, list.SecondFactorCount);
        var app = list.Methods[0];
        Assert.Equal((AuthenticatorKind.AuthenticatorApp, "Work phone", FakeClock.Start.AddDays(-1)), (app.Kind, app.Nickname, app.LastUsedAt));
        Assert.Equal((AuthenticatorKind.SecurityKey, (string?)null, FakeClock.Start.AddDays(-2)), (list.Methods[1].Kind, list.Methods[1].MadeBy, list.Methods[1].AddedAt));
        var passkey = list.Methods[2];
        Assert.Equal((PasskeyStorage.Synced, "iCloud Keychain"), (passkey.Passkey, passkey.MadeBy));
        Assert.Equal(2, await Service().CountSecondFactorsAsync(UserId, CancellationToken.None));
        _management.Verify(m => m.GetAsync(UserId, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task An_unanswered_count_is_remembered_too_so_the_overview_does_not_ask_auth0_on_every_view()
    {
        _management.Setup(m => m.GetAsync(UserId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.Forbidden, "insufficient_scope", "Insufficient scope", null));

        Assert.Null(await Service().CountSecondFactorsAsync(UserId, CancellationToken.None));
        Assert.Null(await Service().CountSecondFactorsAsync(UserId, CancellationToken.None));

        _management.Verify(m => m.GetAsync(UserId, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task Operators_name_more_authenticators_by_aaguid()
    {
        _options.KnownAuthenticators["12345678-1234-1234-1234-123456789abc"] = "Company key";
        _management.Setup(m => m.GetAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(
            [new AuthenticationMethod { Id = "passkey|dev_9", Type = "passkey", CredentialDeviceType = "single_device", Aaguid = "12345678-1234-1234-1234-123456789ABC" }]);

        var passkey = Assert.Single((await Service().ListAsync(Viewer, CancellationToken.None)).Value!.Methods);

        Assert.Equal((PasskeyStorage.DeviceBound, "Company key"), (passkey.Passkey, passkey.MadeBy));
    }

    [Fact]
    public async Task The_last_second_factor_is_not_removed_when_two_step_verification_is_required()
    {
        _options.RequireMfa = true;
        _options.UseMyAccountApi = false;
        _management.Setup(m => m.GetAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new AuthenticationMethod { Id = "totp|dev_1", Type = "totp", Confirmed = true },
            new AuthenticationMethod { Id = "recovery-code|dev_2", Type = "recovery-code", Confirmed = true },
            new AuthenticationMethod { Id = "passkey|dev_3", Type = "passkey" },
        ]);

        var result = await Service().RemoveAsync(Viewer, "totp|dev_1", CancellationToken.None);

        Assert.Equal((ServiceOutcome.Refused, AuthenticatorsCodes.LastFactor), (result.Outcome, result.Code));
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.AuthenticatorRemoved, SecurityOutcomes.Refused, "totp", It.IsAny<CancellationToken>()));
        _email.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Methods_removed_together_count_together_for_the_last_factor_rule()
    {
        _options.RequireMfa = true;
        _management.Setup(m => m.GetAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new AuthenticationMethod { Id = "push|dev_1", Type = "push", Confirmed = true, LinkId = "dev_link" },
            new AuthenticationMethod { Id = "totp|dev_1", Type = "totp", Confirmed = true, LinkId = "dev_link" },
        ]);

        var result = await Service().RemoveAsync(Viewer, "push|dev_1", CancellationToken.None);

        Assert.Equal(AuthenticatorsCodes.LastFactor, result.Code);
    }

    [Fact]
    public async Task A_factor_with_another_left_is_removed_recorded_and_noticed()
    {
        _options.RequireMfa = true;
        _management.Setup(m => m.GetAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new AuthenticationMethod { Id = "totp|dev_1", Type = "totp", Confirmed = true },
            new AuthenticationMethod { Id = "phone|dev_2", Type = "phone", Confirmed = true },
        ]);
        _management.Setup(m => m.DeleteAsync(UserId, "phone|dev_2", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var result = await Service().RemoveAsync(Viewer, "phone|dev_2", CancellationToken.None);

        Assert.Equal(AuthenticatorsCodes.Removed, result.Code);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.AuthenticatorRemoved, SecurityOutcomes.Succeeded, "phone", It.IsAny<CancellationToken>()));
        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.To == "mfa@example.com" && m.TextBody == SecurityActions.AuthenticatorRemoved),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_method_that_is_not_the_users_is_not_removed()
    {
        _management.Setup(m => m.GetAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync([new AuthenticationMethod { Id = "totp|dev_1", Type = "totp" }]);

        var result = await Service().RemoveAsync(Viewer, "totp|someone_else", CancellationToken.None);

        Assert.Equal(AuthenticatorsCodes.NotFound, result.Code);
    }

    [Fact]
    public async Task Without_the_my_account_api_enrolment_goes_through_a_guardian_ticket()
    {
        _options.UseMyAccountApi = false;
        EnrollmentTicketRequest? sent = null;
        _management.Setup(m => m.CreateEnrollmentTicketAsync(It.IsAny<EnrollmentTicketRequest>(), It.IsAny<CancellationToken>()))
            .Callback((EnrollmentTicketRequest request, CancellationToken _) => sent = request)
            .ReturnsAsync(new EnrollmentTicket { TicketId = "t1", TicketUrl = "https://tenant.example/mfa/enrollment?ticket=t1" });
        var service = Service();

        Assert.True(await service.NeedsTokenAsync(Viewer, CancellationToken.None) == false);
        var started = await service.StartEnrollmentAsync(Viewer, EnrollableFactor.AuthenticatorApp, null, CancellationToken.None);
        var ticket = await service.CreateEnrollmentTicketAsync(Viewer, EnrollableFactor.AuthenticatorApp, CancellationToken.None);

        Assert.Equal(AuthenticatorsCodes.TokenNeeded, started.Code);
        Assert.Equal("https://tenant.example/mfa/enrollment?ticket=t1", ticket.Value);
        Assert.Equal(new EnrollmentTicketRequest(UserId, "otp", false, true), sent);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.AuthenticatorEnrollmentStarted, SecurityOutcomes.Succeeded, "totp", It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(AuthenticatorsCodes.NotEnrollable, (await service.CreateEnrollmentTicketAsync(Viewer, EnrollableFactor.Passkey, CancellationToken.None)).Code);
    }

    [Fact]
    public async Task A_ticket_url_that_is_not_https_is_not_followed_and_the_start_is_recorded_as_failed()
    {
        _options.UseMyAccountApi = false;
        _management.Setup(m => m.CreateEnrollmentTicketAsync(It.IsAny<EnrollmentTicketRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new EnrollmentTicket { TicketId = "t1", TicketUrl = "http://tenant.example/mfa/enrollment?ticket=t1" });

        var ticket = await Service().CreateEnrollmentTicketAsync(Viewer, EnrollableFactor.Phone, CancellationToken.None);

        Assert.Equal(AuthenticatorsCodes.Unavailable, ticket.Code);
        Assert.Null(ticket.Value);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.AuthenticatorEnrollmentStarted, SecurityOutcomes.Failed, "phone", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_authenticator_app_is_enrolled_through_the_my_account_api_with_limited_attempts()
    {
        _options.MaxCodeAttempts = 2;
        var service = Service();
        await service.KeepTokenAsync(Viewer, new MyAccountToken("me-token", FakeClock.Start.AddHours(1)), CancellationToken.None);
        _myAccount.Setup(m => m.StartEnrollmentAsync("me-token", new MyAccountEnrollmentRequest("totp", null, null, null, null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MyAccountEnrollment
            {
                Id = "totp|dev_new", AuthSession = "session-1", BarcodeUri = "otpauth://totp/Tenant:mia?secret=ABC", ManualInputCode = "ABC",
                LocationSegment = "totp%7Cdev_new",
            });
        _myAccount.Setup(m => m.VerifyAsync("me-token", "totp%7Cdev_new", new MyAccountVerifyRequest("session-1", "111111", null), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyAccountApiException(HttpStatusCode.BadRequest, "Bad Request", "Invalid otp_code.", null));
        _myAccount.Setup(m => m.VerifyAsync("me-token", "totp%7Cdev_new", new MyAccountVerifyRequest("session-1", "123456", null), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        var started = await service.StartEnrollmentAsync(Viewer, EnrollableFactor.AuthenticatorApp, null, CancellationToken.None);
        var malformed = await service.VerifyEnrollmentAsync(Viewer, "12ab56", CancellationToken.None);
        var wrong = await service.VerifyEnrollmentAsync(Viewer, "111 111", CancellationToken.None);
        var pending = await service.FindEnrollmentAsync(Viewer, CancellationToken.None);
        var right = await service.VerifyEnrollmentAsync(Viewer, "123456", CancellationToken.None);

        Assert.Equal("otpauth://totp/Tenant:mia?secret=ABC", started.Value!.BarcodeUri);
        Assert.Equal(("Code", AuthenticatorsCodes.CodeFormat), (malformed.FieldErrors[0].Field, malformed.FieldErrors[0].Code));
        Assert.Equal(("Code", AuthenticatorsCodes.WrongCode, 1), (wrong.FieldErrors[0].Field, wrong.FieldErrors[0].Code, (int)wrong.FieldErrors[0].Arguments[0]));
        Assert.Equal(1, pending!.AttemptsLeft);
        Assert.Equal(AuthenticatorsCodes.Enrolled, right.Code);
        Assert.Null(await service.FindEnrollmentAsync(Viewer, CancellationToken.None));
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.AuthenticatorAdded, SecurityOutcomes.Succeeded, "totp", It.IsAny<CancellationToken>()));
        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.TextBody == SecurityActions.AuthenticatorAdded), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Running_out_of_attempts_ends_the_enrolment()
    {
        _options.MaxCodeAttempts = 1;
        var service = Service();
        await service.KeepTokenAsync(Viewer, new MyAccountToken("me-token", FakeClock.Start.AddHours(1)), CancellationToken.None);
        _myAccount.Setup(m => m.StartEnrollmentAsync("me-token", It.IsAny<MyAccountEnrollmentRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MyAccountEnrollment { Id = "email|dev_new", AuthSession = "s", LocationSegment = "email%7Cdev_new" });
        _myAccount.Setup(m => m.VerifyAsync("me-token", "email%7Cdev_new", It.IsAny<MyAccountVerifyRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyAccountApiException(HttpStatusCode.Forbidden, "Forbidden", null, null));

        Assert.True((await service.StartEnrollmentAsync(Viewer, EnrollableFactor.Email, " mia@example.org ", CancellationToken.None)).Succeeded);
        var wrong = await service.VerifyEnrollmentAsync(Viewer, "000000", CancellationToken.None);

        Assert.Equal(AuthenticatorsCodes.EnrollmentEnded, wrong.Code);
        Assert.Null(await service.FindEnrollmentAsync(Viewer, CancellationToken.None));
        _myAccount.Verify(m => m.StartEnrollmentAsync("me-token", new MyAccountEnrollmentRequest("email", null, null, "mia@example.org", null), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_phone_number_without_its_country_code_is_refused_next_to_the_field()
    {
        var service = Service();
        await service.KeepTokenAsync(Viewer, new MyAccountToken("me-token", FakeClock.Start.AddHours(1)), CancellationToken.None);

        var result = await service.StartEnrollmentAsync(Viewer, EnrollableFactor.Phone, "0612345678", CancellationToken.None);

        Assert.Equal(("Contact", AuthenticatorsCodes.InvalidContact), (result.FieldErrors[0].Field, result.FieldErrors[0].Code));
    }

    [Fact]
    public async Task A_my_account_429_shows_its_wait_and_holds_the_users_calls_back_until_it_passes()
    {
        var service = Service();
        await service.KeepTokenAsync(Viewer, new MyAccountToken("me-token", FakeClock.Start.AddHours(1)), CancellationToken.None);
        _myAccount.SetupSequence(m => m.GetMethodsAsync("me-token", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyAccountApiException(HttpStatusCode.TooManyRequests, "Too Many Requests", null, new RateLimitInfo(2, 0, null, TimeSpan.FromSeconds(30))))
            .ReturnsAsync([new MyAccountAuthenticationMethod { Id = "totp|dev_1", Type = "totp", Confirmed = true }]);

        var limited = await service.ListAsync(Viewer, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        var heldBack = await service.RenameAsync(Viewer, "totp|dev_1", "Phone", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(21));
        var after = await service.ListAsync(Viewer, CancellationToken.None);

        Assert.Equal((ServiceOutcome.Busy, AuthenticatorsCodes.Unavailable, TimeSpan.FromSeconds(30)), (limited.Outcome, limited.Code, limited.RetryAfter));
        Assert.Equal(ServiceOutcome.Busy, heldBack.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(20), heldBack.RetryAfter);
        Assert.Equal(AuthenticatorSource.MyAccount, after.Value!.Source);
        _myAccount.Verify(m => m.RenameAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task A_refused_token_is_dropped_and_the_management_api_lists_instead()
    {
        var service = Service();
        await service.KeepTokenAsync(Viewer, new MyAccountToken("me-token", FakeClock.Start.AddHours(1)), CancellationToken.None);
        _myAccount.Setup(m => m.GetMethodsAsync("me-token", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyAccountApiException(HttpStatusCode.Unauthorized, "Unauthorized", null, null));
        _management.Setup(m => m.GetAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var result = await service.ListAsync(Viewer, CancellationToken.None);

        Assert.Equal(AuthenticatorSource.Management, result.Value!.Source);
        Assert.True(await service.NeedsTokenAsync(Viewer, CancellationToken.None));
    }

    [Fact]
    public async Task An_api_not_activated_is_not_asked_for_a_token_again_within_the_hour()
    {
        var service = Service();
        await service.KeepTokenAsync(Viewer, new MyAccountToken("me-token", FakeClock.Start.AddHours(1)), CancellationToken.None);
        _myAccount.Setup(m => m.GetMethodsAsync("me-token", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyAccountApiException(HttpStatusCode.Forbidden, "Forbidden", null, null));
        _management.Setup(m => m.GetAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var result = await service.ListAsync(Viewer, CancellationToken.None);

        Assert.Equal(AuthenticatorSource.Management, result.Value!.Source);
        Assert.False(await service.NeedsTokenAsync(Viewer, CancellationToken.None));
        Assert.True(await service.NeedsTokenAsync(new AuthenticatorViewer(UserId, "another-sign-in"), CancellationToken.None));
    }

    [Fact]
    public async Task A_token_about_to_expire_is_not_used()
    {
        var service = Service();
        await service.KeepTokenAsync(Viewer, new MyAccountToken("me-token", FakeClock.Start.AddMinutes(5)), CancellationToken.None);
        Assert.False(await service.NeedsTokenAsync(Viewer, CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(4.5));

        Assert.True(await service.NeedsTokenAsync(Viewer, CancellationToken.None));
    }

    [Fact]
    public async Task Nicknames_are_one_to_twenty_characters()
    {
        var result = await Service().RenameAsync(Viewer, "totp|dev_1", new string('x', 21), CancellationToken.None);

        Assert.Equal(("Name", AuthenticatorsCodes.InvalidName), (result.FieldErrors[0].Field, result.FieldErrors[0].Code));
    }

    [Fact]
    public async Task A_new_recovery_code_is_returned_once_recorded_and_noticed()
    {
        _management.Setup(m => m.RegenerateRecoveryCodeAsync(UserId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecoveryCodeRegeneration { RecoveryCode = "32YCGV1JUE9G7MDJ71UTN12W" });

        var result = await Service().RegenerateRecoveryCodeAsync(Viewer, CancellationToken.None);

        Assert.Equal("32YCGV1JUE9G7MDJ71UTN12W", result.Value);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.RecoveryCodeRegenerated, SecurityOutcomes.Succeeded, null, It.IsAny<CancellationToken>()));
        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.TextBody == SecurityActions.RecoveryCodeRegenerated), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_first_recovery_code_is_enrolled_and_confirmed_through_the_my_account_api()
    {
        var service = Service();
        await service.KeepTokenAsync(Viewer, new MyAccountToken("me-token", FakeClock.Start.AddHours(1)), CancellationToken.None);
        _myAccount.Setup(m => m.StartEnrollmentAsync("me-token", new MyAccountEnrollmentRequest("recovery-code", null, null, null, null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MyAccountEnrollment { Id = "recovery-code|dev_1", AuthSession = "s-rc", RecoveryCode = "WXYZ1234WXYZ1234WXYZ1234", LocationSegment = "recovery-code%7Cdev_1" });
        _myAccount.Setup(m => m.VerifyAsync("me-token", "recovery-code%7Cdev_1", new MyAccountVerifyRequest("s-rc", null, null), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        var result = await service.AddRecoveryCodeAsync(Viewer, CancellationToken.None);

        Assert.Equal("WXYZ1234WXYZ1234WXYZ1234", result.Value);
        _myAccount.Verify(m => m.VerifyAsync("me-token", "recovery-code%7Cdev_1", It.IsAny<MyAccountVerifyRequest>(), It.IsAny<CancellationToken>()), Times.Once());
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.AuthenticatorAdded, SecurityOutcomes.Succeeded, "recovery-code", It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Forgetting_remembered_browsers_that_auth0_refuses_is_recorded_as_failed_and_not_noticed()
    {
        _management.Setup(m => m.InvalidateRememberedBrowsersAsync(UserId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.TooManyRequests, "too_many_requests", null, new RateLimitInfo(null, null, null, TimeSpan.FromSeconds(3))));

        var result = await Service().ForgetRememberedBrowsersAsync(Viewer, CancellationToken.None);

        Assert.Equal((ServiceOutcome.Busy, TimeSpan.FromSeconds(3)), (result.Outcome, result.RetryAfter));
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.RememberedBrowsersForgotten, SecurityOutcomes.Failed, null, It.IsAny<CancellationToken>()));
        _email.VerifyNoOtherCalls();
    }

    private AuthenticatorsService Service()
    {
        var options = Options.Create(_options);
        var management = Options.Create(new ManagementApiOptions { ClientSecret = "secret" });
        var notifier = new AuthenticatorsNotifier(_profiles.Object, _email.Object, _notice.Object, management, NullLogger<AuthenticatorsNotifier>.Instance);
        return new AuthenticatorsService(_myAccount.Object, _management.Object, _state, new AuthenticatorDescriber(new KnownAuthenticators(options)),
            _events.Object, notifier, _time, options, management, NullLogger<AuthenticatorsService>.Instance);
    }
}
