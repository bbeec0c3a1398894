using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Authenticators;

/// <summary>The two-step verification page against the fake provider, with both Auth0 APIs mocked at their typed clients: the
/// /me/ token is fetched through the sign-in and never reaches a cookie, a page or a log; without the My Account API enrolment
/// falls back to enrolment tickets; the last-factor rule; and a My Account 429 shown as "try again in N s".</summary>
public sealed class AuthenticatorsPageTests : IAsyncLifetime
{
    private const string PagePath = "/security/authenticators";
    private const string EnrolPath = "/security/addauthenticator";
    private const string FakeAccessToken = "opaque-access-token";

    private readonly Mock<IMyAccountClient> _myAccount = new(MockBehavior.Strict);
    private readonly Mock<IAuthenticationMethodsClient> _management = new(MockBehavior.Strict);
    private readonly Mock<IEmailSender> _email = new();
    private FakeOidcProvider _provider = null!;
    private PortalFactory? _portal;

    public async Task InitializeAsync() => _provider = await FakeOidcProvider.StartAsync();

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Opening_the_page_fetches_a_me_token_through_the_sign_in_that_never_reaches_a_cookie_a_page_or_a_log()
    {
        _myAccount.Setup(m => m.GetMethodsAsync(FakeAccessToken, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new MyAccountAuthenticationMethod { Id = "totp|dev_1", Type = "totp", Confirmed = true, Name = "Work phone", CreatedAt = DateTimeOffset.UtcNow.AddDays(-3) },
            new MyAccountAuthenticationMethod { Id = "passkey|dev_2", Type = "passkey", CredentialDeviceType = "multi_device", Aaguid = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4" },
        ]);
        var client = await SignedInAsync();

        var opened = await client.GetAsync(PagePath);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var authorize = QueryHelpers.ParseQuery(opened.Headers.Location!.Query);
        Assert.Equal(_provider.BaseUrl + "/me/", authorize["audience"].ToString());
        Assert.Contains("read:me:authentication_methods", authorize["scope"].ToString().Split(' '));
        Assert.DoesNotContain("create:me:connected_accounts", authorize["scope"].ToString(), StringComparison.Ordinal);
        var callback = await PortalSession.CompleteAsync(client, opened.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(PagePath + "?myaccount=returned", callback.Headers.Location!.OriginalString);
        var page = await client.GetAsync(callback.Headers.Location!.OriginalString);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await PortalSession.ParseAsync(page);
        Assert.Equal(["totp|dev_1", "passkey|dev_2"], document.QuerySelectorAll("#methods li").Select(li => li.GetAttribute("data-method-id")));
        Assert.Contains("Work phone", document.QuerySelector("#methods li h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Synced to your other devices", html, StringComparison.Ordinal);
        Assert.Contains("Google Password Manager", html, StringComparison.Ordinal);
        Assert.Equal("1", document.GetElementById("two-step-state")!.GetAttribute("data-second-factors"));
        Assert.NotNull(document.GetElementById("add-app"));
        // Once kept, the token serves the next view without another round trip.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PagePath)).StatusCode);
        foreach (var response in new[] { opened, callback, page })
        {
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? string.Join("\n", values) : "";
            Assert.DoesNotContain(FakeAccessToken, cookies, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(FakeAccessToken, html, StringComparison.Ordinal);
        var logged = string.Join("\n", _portal!.Logs.Entries.SelectMany(e => e.Properties.Values.Select(v => v?.ToString()).Prepend(e.Message)));
        Assert.DoesNotContain(FakeAccessToken, logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_says_two_step_verification_is_on_with_its_count_and_links_to_the_page()
    {
        _management.Setup(m => m.GetAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new AuthenticationMethod { Id = "totp|dev_1", Type = "totp", Confirmed = true },
            new AuthenticationMethod { Id = "phone|dev_2", Type = "phone", Confirmed = true },
            new AuthenticationMethod { Id = "passkey|dev_3", Type = "passkey" },
        ]);
        var client = await SignedInAsync();

        var overview = await PortalSession.GetDocumentAsync(client, "/");
        await PortalSession.GetDocumentAsync(client, "/");

        var summary = overview.GetElementById("two-step-summary")!;
        Assert.Equal("2", summary.GetAttribute("data-second-factors"));
        Assert.Contains("Two-step verification is on (2 second step(s)).", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(PagePath, summary.QuerySelector("a")!.GetAttribute("href"));
        _management.Verify(m => m.GetAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task Signing_out_drops_the_kept_token()
    {
        _myAccount.Setup(m => m.GetMethodsAsync(FakeAccessToken, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var client = await SignedInAsync();
        var list = await WithTokenAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PagePath)).StatusCode);

        var signedOut = await PortalSession.PostFormAsync(client, "/account/logout", [new("__RequestVerificationToken", PortalSession.AntiforgeryToken(list))]);
        await PortalSession.SignInSuccessfullyAsync(client);
        var reopened = await client.GetAsync(PagePath);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        // The fake provider gives the same sid again: only the dropped token explains the new round trip.
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.StartsWith(_provider.BaseUrl + "/authorize", reopened.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_my_account_api_the_page_lists_through_management_and_adds_through_an_enrolment_ticket()
    {
        _management.Setup(m => m.GetAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new AuthenticationMethod { Id = "phone|dev_1", Type = "phone", Confirmed = true, PhoneNumber = "XXXXXXXX4567" }]);
        _management.Setup(m => m.CreateEnrollmentTicketAsync(new EnrollmentTicketRequest(FakeOidcProvider.Subject, "otp", false, true), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new EnrollmentTicket { TicketId = "t1", TicketUrl = "https://tenant.example/mfa/enrollment?ticket=t1" });
        var client = await SignedInAsync(new Dictionary<string, string?> { ["Profiles:Authenticators:UseMyAccountApi"] = "false" });

        var document = await PortalSession.GetDocumentAsync(client, PagePath);
        var ticket = await PostAsync(client, document, "?handler=Ticket&factor=AuthenticatorApp", []);

        Assert.Contains("XXXXXXXX4567", document.GetElementById("methods")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById("add-on-auth0"));
        Assert.Null(document.GetElementById("add-app"));
        Assert.Equal(HttpStatusCode.Redirect, ticket.StatusCode);
        Assert.Equal("https://tenant.example/mfa/enrollment?ticket=t1", ticket.Headers.Location!.AbsoluteUri);
        _myAccount.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_tenant_that_refuses_the_me_audience_brings_the_user_back_to_the_page_on_the_management_api()
    {
        _management.Setup(m => m.GetAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new AuthenticationMethod { Id = "email|dev_1", Type = "email", Confirmed = true, Email = "al***@ex***" }]);
        var client = await SignedInAsync();
        _provider.AuthorizeError = ("access_denied", "Service not found: " + _provider.BaseUrl + "/me/");

        var opened = await client.GetAsync(PagePath);
        var callback = await PortalSession.CompleteAsync(client, opened.Headers.Location!);
        var page = await PortalSession.GetDocumentAsync(client, callback.Headers.Location!.OriginalString);
        var again = await client.GetAsync(PagePath);

        Assert.Equal(PagePath + "?myaccount=refused", callback.Headers.Location!.OriginalString);
        Assert.Equal("email|dev_1", page.QuerySelector("#methods li")!.GetAttribute("data-method-id"));
        Assert.NotNull(page.GetElementById("add-on-auth0"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        _myAccount.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_page_in_german_shows_no_untranslated_english_and_a_bad_number_is_refused_next_to_its_field()
    {
        var now = DateTimeOffset.UtcNow;
        _myAccount.Setup(m => m.GetMethodsAsync(FakeAccessToken, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new MyAccountAuthenticationMethod { Id = "totp|dev_1", Type = "totp", Confirmed = true, CreatedAt = now.AddDays(-2), LastAuthAt = now.AddDays(-1) },
            new MyAccountAuthenticationMethod { Id = "phone|dev_2", Type = "phone", Confirmed = true, PhoneNumber = "XXXXXXXX4567", CreatedAt = now.AddDays(-2) },
            new MyAccountAuthenticationMethod { Id = "passkey|dev_3", Type = "passkey", CredentialDeviceType = "single_device", CreatedAt = now.AddDays(-1) },
            new MyAccountAuthenticationMethod { Id = "recovery-code|dev_4", Type = "recovery-code", Confirmed = true, CreatedAt = now.AddDays(-2) },
        ]);
        var client = await SignedInAsync();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("de-DE"));
        var list = await WithTokenAsync(client);

        var refused = await PostAsync(client, list, "?handler=Add&factor=Phone", [new("Input.Contact", "0612345678")]);
        var page = await PortalSession.ParseAsync(refused);

        Assert.Equal("de", list.DocumentElement.GetAttribute("lang"));
        Assert.Empty(new Localization.UntranslatedEnglish("de").FoundIn(list));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("0612345678", page.GetElementById("add-phone-number")!.GetAttribute("value"));
        Assert.NotNull(page.GetElementById("add-phone-number-error"));
        Assert.Null(page.GetElementById("add-email-address-error"));
    }

    [Fact]
    public async Task The_last_second_factor_stays_when_two_step_verification_is_required()
    {
        _management.Setup(m => m.GetAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new AuthenticationMethod { Id = "totp|dev_1", Type = "totp", Confirmed = true }]);
        var client = await SignedInAsync(new Dictionary<string, string?>
        {
            ["Profiles:Authenticators:UseMyAccountApi"] = "false",
            ["Profiles:Authenticators:RequireMfa"] = "true",
        });
        var document = await PortalSession.GetDocumentAsync(client, PagePath);

        var removed = await PostAsync(client, document, "?handler=Remove", [new("methodId", "totp|dev_1")]);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var after = await PortalSession.ParseAsync(removed);
        Assert.Contains("add another one before removing it", after.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(after.QuerySelectorAll("#methods li"));
        _email.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_new_recovery_code_is_shown_once_on_the_response_and_kept_nowhere_else()
    {
        const string Code = "32YCGV1JUE9G7MDJ71UTN12W";
        _management.Setup(m => m.GetAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new AuthenticationMethod { Id = "totp|dev_1", Type = "totp", Confirmed = true },
            new AuthenticationMethod { Id = "recovery-code|dev_2", Type = "recovery-code", Confirmed = true },
        ]);
        _management.Setup(m => m.RegenerateRecoveryCodeAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecoveryCodeRegeneration { RecoveryCode = Code });
        var client = await SignedInAsync(new Dictionary<string, string?> { ["Profiles:Authenticators:UseMyAccountApi"] = "false" });
        var list = await PortalSession.GetDocumentAsync(client, PagePath);

        var regenerated = await PostAsync(client, list, "?handler=RecoveryCode", []);
        var shown = await PortalSession.ParseAsync(regenerated);
        var next = await client.GetAsync(PagePath);

        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        Assert.Equal(Code, shown.QuerySelector("#new-recovery-code code")!.TextContent);
        var cookies = regenerated.Headers.TryGetValues("Set-Cookie", out var values) ? string.Join("\n", values) : "";
        Assert.DoesNotContain(Code, cookies, StringComparison.Ordinal);
        Assert.Contains("no-store", regenerated.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Code, await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.Kind == "authenticators_changed"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_my_account_429_says_when_to_try_again()
    {
        _myAccount.Setup(m => m.GetMethodsAsync(FakeAccessToken, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyAccountApiException(HttpStatusCode.TooManyRequests, "Too Many Requests", null, new RateLimitInfo(2, 0, null, TimeSpan.FromSeconds(29.2))));
        var client = await SignedInAsync();
        var opened = await client.GetAsync(PagePath);
        var callback = await PortalSession.CompleteAsync(client, opened.Headers.Location!);

        var page = await PortalSession.GetDocumentAsync(client, callback.Headers.Location!.OriginalString);

        Assert.Contains("try again in 30 s", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authenticator_app_is_added_with_a_server_drawn_qr_code_and_a_wrong_code_is_shown_next_to_the_field()
    {
        _myAccount.Setup(m => m.GetMethodsAsync(FakeAccessToken, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _myAccount.Setup(m => m.StartEnrollmentAsync(FakeAccessToken, new MyAccountEnrollmentRequest("totp", null, null, null, null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MyAccountEnrollment
            {
                Id = "totp|dev_new", AuthSession = "auth-session-1", BarcodeUri = "otpauth://totp/Tenant:alice?secret=JBSWY3DPEHPK3PXP&issuer=Tenant",
                ManualInputCode = "JBSWY3DPEHPK3PXP", LocationSegment = "totp%7Cdev_new",
            });
        _myAccount.Setup(m => m.VerifyAsync(FakeAccessToken, "totp%7Cdev_new", new MyAccountVerifyRequest("auth-session-1", "000000", null), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MyAccountApiException(HttpStatusCode.BadRequest, "Bad Request", "Invalid otp_code.", null));
        _myAccount.Setup(m => m.VerifyAsync(FakeAccessToken, "totp%7Cdev_new", new MyAccountVerifyRequest("auth-session-1", "123456", null), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        var client = await SignedInAsync();
        var list = await WithTokenAsync(client);

        var added = await PostAsync(client, list, "?handler=Add&factor=AuthenticatorApp", []);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var enrol = await PortalSession.GetDocumentAsync(client, added.Headers.Location!.OriginalString);
        var wrong = await PortalSession.PostFormAsync(client, EnrolPath + "?handler=Verify",
            [new("__RequestVerificationToken", PortalSession.AntiforgeryToken(enrol)), new("Input.Code", "000000")]);
        var wrongPage = await PortalSession.ParseAsync(wrong);
        var right = await PortalSession.PostFormAsync(client, EnrolPath + "?handler=Verify",
            [new("__RequestVerificationToken", PortalSession.AntiforgeryToken(wrongPage)), new("Input.Code", "123 456")]);

        Assert.Equal(EnrolPath, added.Headers.Location!.OriginalString);
        Assert.StartsWith("data:image/png;base64,", enrol.GetElementById("qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("JBSWY3DPEHPK3PXP", enrol.GetElementById("manual-key")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("That code is not right. 4 attempt(s) left.", wrongPage.GetElementById("Input_Code-error")!.TextContent);
        Assert.Equal("true", wrongPage.GetElementById("Input_Code")!.GetAttribute("aria-invalid"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var after = await PortalSession.GetDocumentAsync(client, PagePath);
        Assert.Contains("Added.", after.GetElementById("authenticators-status")!.TextContent, StringComparison.Ordinal);
        _email.Verify(e => e.SendAsync(It.Is<EmailMessage>(m => m.Kind == "authenticators_changed" && m.To == "alice@example.com"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task The_passkey_ceremony_runs_from_a_script_file_not_inline()
    {
        _myAccount.Setup(m => m.GetMethodsAsync(FakeAccessToken, It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _myAccount.Setup(m => m.StartEnrollmentAsync(FakeAccessToken, new MyAccountEnrollmentRequest("passkey", null, null, null, "Username-Password-Authentication"),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MyAccountEnrollment
            {
                AuthSession = "auth-session-2", LocationSegment = "passkey%7Cnew",
                AuthnParamsPublicKey = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>("""{"challenge":"Y2hhbGxlbmdl","rp":{"id":"localhost","name":"Tenant"}}"""),
            });
        var client = await SignedInAsync();
        var list = await WithTokenAsync(client);

        await PostAsync(client, list, "?handler=Add&factor=Passkey", []);
        var enrol = await PortalSession.GetDocumentAsync(client, EnrolPath);

        Assert.Contains("\"challenge\":\"Y2hhbGxlbmdl\"", enrol.GetElementById("passkey-form")!.GetAttribute("data-options"), StringComparison.Ordinal);
        Assert.Contains(enrol.QuerySelectorAll("script"), s => (s.GetAttribute("src") ?? "").Contains("/js/passkey-enrollment.js", StringComparison.Ordinal));
        Assert.DoesNotContain(enrol.QuerySelectorAll("script"), s => s.GetAttribute("src") is null);
        Assert.NotNull(enrol.GetElementById("passkey-error")!.GetAttribute("data-cancelled"));
    }

    /// <summary>Opens the page, completes the round trip for the /me/ token, and returns the list.</summary>
    private static async Task<IHtmlDocument> WithTokenAsync(HttpClient client)
    {
        var opened = await client.GetAsync(PagePath);
        var callback = await PortalSession.CompleteAsync(client, opened.Headers.Location!);
        return await PortalSession.GetDocumentAsync(client, callback.Headers.Location!.OriginalString);
    }

    private async Task<HttpClient> SignedInAsync(IDictionary<string, string?>? settings = null)
    {
        _portal = new PortalFactory(_provider.BaseUrl, extraSettings: settings, configureServices: services =>
        {
            services.AddSingleton(_myAccount.Object);
            services.AddSingleton(_management.Object);
            services.AddSingleton(_email.Object);
        });
        _portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UserProfile(FakeOidcProvider.Subject, "alice@example.com", true, "Alice Example", "alice", "Alice", "Example", null, null, null, [],
                new JsonObject(), new JsonObject(), false, "Username-Password-Authentication", true));
        var client = _portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlDocument page, string handler, IEnumerable<KeyValuePair<string, string>> fields) =>
        PortalSession.PostFormAsync(client, PagePath + handler, fields.Prepend(new("__RequestVerificationToken", PortalSession.AntiforgeryToken(page))));
}
