using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Login;
using Profiles.LocalTenant.Mfa;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Tests.Authentication;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary>The hosted page a Guardian enrolment ticket lands on: it enrols an authenticator app, a phone (SMS) or an email address
/// (the code goes to the outbox), is single use, and leads back to the application that created the ticket.</summary>
public sealed partial class EnrollmentTicketPageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private TenantFixture _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantFixture.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task The_ticket_page_enrols_totp_once_and_offers_the_way_back()
    {
        var url = await TicketUrlAsync();
        using var browser = new TenantBrowser(_tenant);
        var page = await browser.GetHtmlAsync(url[_tenant.BaseUrl.Length..]);
        var secret = KeyPattern().Match(page).Groups[1].Value;
        Assert.Contains("href=\"otpauth://totp/", page, StringComparison.Ordinal);

        using var wrong = await browser.SubmitAsync(page, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = "abcdef" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var retry = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(secret, KeyPattern().Match(retry).Groups[1].Value);

        using var right = await browser.SubmitAsync(retry, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = new TotpCodes(_clock).Now(secret) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("href=\"http://127.0.0.1:5000/\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var methods = _tenant.Store.Read(d => MethodEnrollment.Methods(d, TenantFixture.ErinId).Select(m => m.Type).ToList());
        Assert.Equal(["totp"], methods);

        using var reused = await browser.GetAsync(url[_tenant.BaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task A_ticket_expires_after_five_days()
    {
        var url = await TicketUrlAsync();
        _clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromSeconds(1));
        using var browser = new TenantBrowser(_tenant);
        using var expired = await browser.GetAsync(url[_tenant.BaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
    }

    [Fact]
    public async Task The_phone_ticket_refuses_a_number_not_in_e164_form_next_to_the_field_then_enrols_the_phone_with_the_texted_code()
    {
        var url = await TicketUrlAsync("phone");
        using var browser = new TenantBrowser(_tenant);
        var page = await browser.GetHtmlAsync(url[_tenant.BaseUrl.Length..]);
        Assert.Contains("<input id=\"phone_number\" name=\"phone_number\" type=\"tel\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("otpauth://", page, StringComparison.Ordinal);

        using var bad = await browser.SubmitAsync(page, "/mfa/enrollment/send", new Dictionary<string, string> { ["phone_number"] = "07700 900123" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var refused = await bad.Content.ReadAsStringAsync();
        Assert.Contains("<p class=\"error\" id=\"enroll-error\" role=\"alert\">Enter the number in international form", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"07700 900123\" aria-describedby=\"enroll-error enroll-intro\" aria-invalid=\"true\"", refused, StringComparison.Ordinal);
        Assert.Empty(Outbox.List("07700 900123"));

        using var sent = await browser.SubmitAsync(refused, "/mfa/enrollment/send", new Dictionary<string, string> { ["phone_number"] = " +447700900123 " });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var codePage = await sent.Content.ReadAsStringAsync();
        Assert.Contains("We sent a 6-digit code to +447700900123.", codePage, StringComparison.Ordinal);
        var text = Assert.Single(Outbox.List("+447700900123"));
        Assert.Equal("mfa-sms", text.Kind);
        var code = CodePattern().Match(text.Body).Value;

        using var wrong = await browser.SubmitAsync(codePage, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = Other(code) });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var retry = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("That code is not right or has expired.", retry, StringComparison.Ordinal);
        Assert.Empty(_tenant.Store.Read(d => MethodEnrollment.Methods(d, TenantFixture.ErinId).ToList()));

        using var right = await browser.SubmitAsync(retry, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = code });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var done = await right.Content.ReadAsStringAsync();
        Assert.Contains("a code sent to your phone by text message", done, StringComparison.Ordinal);
        Assert.Contains("href=\"http://127.0.0.1:5000/\"", done, StringComparison.Ordinal);
        var method = Assert.Single(_tenant.Store.Read(d => MethodEnrollment.Methods(d, TenantFixture.ErinId).ToList()));
        Assert.Equal((AuthenticationMethodTypes.Phone, "+447700900123", "sms"), (method.Type, method.PhoneNumber, method.PreferredAuthenticationMethod));

        using var reused = await browser.GetAsync(url[_tenant.BaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        using var resent = await browser.SubmitAsync(refused, "/mfa/enrollment/send", new Dictionary<string, string> { ["phone_number"] = "+447700900124" });
        Assert.Equal(HttpStatusCode.BadRequest, resent.StatusCode);
        Assert.Empty(Outbox.List("+447700900124"));
    }

    [Fact]
    public async Task The_email_ticket_offers_the_users_address_refuses_a_malformed_one_and_enrols_the_address_the_code_went_to()
    {
        var url = await TicketUrlAsync("email");
        using var browser = new TenantBrowser(_tenant);
        var page = await browser.GetHtmlAsync(url[_tenant.BaseUrl.Length..]);
        Assert.Contains("type=\"email\" autocomplete=\"email\" maxlength=\"254\" required spellcheck=\"false\" value=\"erin@example.com\"", page, StringComparison.Ordinal);

        using var bad = await browser.SubmitAsync(page, "/mfa/enrollment/send", new Dictionary<string, string> { ["email"] = "erin at example" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var refused = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Enter a valid email address, for example name@example.com.", refused, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", refused, StringComparison.Ordinal);

        using var sent = await browser.SubmitAsync(refused, "/mfa/enrollment/send", new Dictionary<string, string> { ["email"] = "erin.codes@example.com" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var mail = Assert.Single(Outbox.List("erin.codes@example.com"));
        Assert.Equal("mfa-email", mail.Kind);

        using var right = await browser.SubmitAsync(await sent.Content.ReadAsStringAsync(), "/mfa/enrollment",
            new Dictionary<string, string> { ["code"] = CodePattern().Match(mail.Body).Value });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("a code sent to your email address", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var method = Assert.Single(_tenant.Store.Read(d => MethodEnrollment.Methods(d, TenantFixture.ErinId).ToList()));
        Assert.Equal((AuthenticationMethodTypes.Email, "erin.codes@example.com"), (method.Type, method.Email));
    }

    [Fact]
    public async Task A_code_sent_for_an_email_ticket_does_not_confirm_after_the_code_expires()
    {
        var url = await TicketUrlAsync("email");
        using var browser = new TenantBrowser(_tenant);
        var page = await browser.GetHtmlAsync(url[_tenant.BaseUrl.Length..]);
        using var sent = await browser.SubmitAsync(page, "/mfa/enrollment/send", new Dictionary<string, string> { ["email"] = "erin@example.com" });
        var code = CodePattern().Match(Outbox.List("erin@example.com").Single(e => e.Kind == "mfa-email").Body).Value;

        _clock.Advance(PendingEnrollments.Lifetime + TimeSpan.FromSeconds(1));
        using var late = await browser.SubmitAsync(await sent.Content.ReadAsStringAsync(), "/mfa/enrollment", new Dictionary<string, string> { ["code"] = code });

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Empty(_tenant.Store.Read(d => MethodEnrollment.Methods(d, TenantFixture.ErinId).ToList()));
    }

    [Fact]
    public async Task Five_wrong_codes_end_the_email_step_the_sent_code_no_longer_works_and_a_new_one_can_be_sent()
    {
        var url = await TicketUrlAsync("email");
        using var browser = new TenantBrowser(_tenant);
        var page = await browser.GetHtmlAsync(url[_tenant.BaseUrl.Length..]);
        using var sent = await browser.SubmitAsync(page, "/mfa/enrollment/send", new Dictionary<string, string> { ["email"] = "erin@example.com" });
        var codePage = await sent.Content.ReadAsStringAsync();
        var code = CodePattern().Match(Outbox.List("erin@example.com").Single(e => e.Kind == "mfa-email").Body).Value;

        var current = codePage;
        for (var attempt = 1; attempt < EnrollmentEndpoints.MaxWrongCodes; attempt++)
        {
            using var wrong = await browser.SubmitAsync(current, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = Other(code) });
            current = await wrong.Content.ReadAsStringAsync();
            Assert.Contains("That code is not right or has expired.", current, StringComparison.Ordinal);
        }

        using var last = await browser.SubmitAsync(current, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = Other(code) });
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        var again = await last.Content.ReadAsStringAsync();
        Assert.Contains("Too many wrong codes: the code we sent no longer works. Send a new one.", again, StringComparison.Ordinal);
        Assert.Contains("value=\"erin@example.com\" aria-describedby=\"enroll-error enroll-intro\">", again, StringComparison.Ordinal);

        using var late = await browser.SubmitAsync(codePage, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = code });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Empty(_tenant.Store.Read(d => MethodEnrollment.Methods(d, TenantFixture.ErinId).ToList()));
        using var resent = await browser.SubmitAsync(again, "/mfa/enrollment/send", new Dictionary<string, string> { ["email"] = "erin@example.com" });
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(2, Outbox.List("erin@example.com").Count(e => e.Kind == "mfa-email"));
    }

    [Fact]
    public async Task Five_wrong_codes_replace_the_authenticator_app_key()
    {
        var url = await TicketUrlAsync();
        using var browser = new TenantBrowser(_tenant);
        var current = await browser.GetHtmlAsync(url[_tenant.BaseUrl.Length..]);
        var firstKey = KeyPattern().Match(current).Groups[1].Value;

        for (var attempt = 0; attempt < EnrollmentEndpoints.MaxWrongCodes; attempt++)
        {
            using var wrong = await browser.SubmitAsync(current, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = "abcdef" });
            current = await wrong.Content.ReadAsStringAsync();
        }

        var newKey = KeyPattern().Match(current).Groups[1].Value;
        Assert.Contains("Too many wrong codes: the previous key no longer works.", current, StringComparison.Ordinal);
        Assert.NotEqual(firstKey, newKey);
        using var right = await browser.SubmitAsync(current, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = new TotpCodes(_clock).Now(newKey) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(newKey, Assert.Single(_tenant.Store.Read(d => MethodEnrollment.Methods(d, TenantFixture.ErinId).ToList())).TotpSecret);
    }

    private OutboxService Outbox => _tenant.Tenant.Services.GetRequiredService<OutboxService>();

    private static string Other(string code) => code == "000000" ? "111111" : "000000";

    private async Task<string> TicketUrlAsync(string? factor = null)
    {
        using var api = _tenant.CreateManagementClient();
        var body = factor is null ? $$"""{"user_id":"{{TenantFixture.ErinId}}"}""" : $$"""{"user_id":"{{TenantFixture.ErinId}}","factor":"{{factor}}"}""";
        using var create = await api.PostJsonAsync("api/v2/guardian/enrollments/ticket", body);
        return (await create.ExpectObjectAsync(HttpStatusCode.OK))["ticket_url"]!.GetValue<string>();
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex CodePattern();

    [GeneratedRegex("<code id=\"totp-key\">([A-Z2-7]+)</code>")]
    private static partial Regex KeyPattern();
}
