using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

public sealed class PasswordResetTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private const string ResetText = "We've just sent you an email to reset your password.";

    private OutboxService Outbox => fixture.Tenant.Services.GetRequiredService<OutboxService>();

    private async Task<HttpResponseMessage> ChangePasswordAsync(object body)
    {
        using var http = fixture.CreateClient();
        return await http.PostAsJsonAsync("dbconnections/change_password", body);
    }

    [Theory]
    [InlineData("nobody@example.com")]
    [InlineData("bob@example.com")]
    public async Task Change_password_answers_the_same_text_whether_or_not_the_user_exists(string email)
    {
        using var response = await ChangePasswordAsync(new { client_id = TenantFixture.PortalClientId, email, connection = TenantFixture.DatabaseConnection });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(ResetText, await response.Content.ReadAsStringAsync());
        Assert.Equal(email == "bob@example.com", Outbox.List(email).Any(e => e.Kind == "password-reset"));
    }

    [Fact]
    public async Task Change_password_refuses_a_missing_email_or_a_social_connection()
    {
        using var missing = await ChangePasswordAsync(new { client_id = TenantFixture.PortalClientId, connection = TenantFixture.DatabaseConnection });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("\"code\":\"invalid_request\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var social = await ChangePasswordAsync(new { client_id = TenantFixture.PortalClientId, email = "carol@gmail.example", connection = "google-oauth2" });
        Assert.Equal(HttpStatusCode.BadRequest, social.StatusCode);
        Assert.Contains("\"statusCode\":400", await social.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emailed_link_changes_the_password_and_ends_sessions()
    {
        using var browser = new TenantBrowser(fixture);
        await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "frank@example.com", "Frank-demo-2026");
        Assert.Contains(fixture.Store.Read(d => d.All<TenantSession>().Select(s => s.UserId).ToList()), id => id == TenantFixture.FrankId);

        using var request = await ChangePasswordAsync(new { client_id = TenantFixture.PortalClientId, email = "Frank@Example.com", connection = TenantFixture.DatabaseConnection });
        var email = Outbox.List("frank@example.com").First(e => e.Kind == "password-reset");
        var link = Assert.Single(email.Links);
        Assert.StartsWith(fixture.BaseUrl + "/u/reset-password?ticket=", link, StringComparison.Ordinal);

        var form = await browser.GetHtmlAsync(link[fixture.BaseUrl.Length..]);
        Assert.Contains("<label for=\"confirm\">", form, StringComparison.Ordinal);
        Assert.Contains("At least 8 characters in length", form, StringComparison.Ordinal);

        using var mismatch = await browser.SubmitAsync(form, "/u/reset-password", new Dictionary<string, string> { ["password"] = "Renewed-pass-2026!", ["confirm"] = "different" });
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        var mismatchHtml = await mismatch.Content.ReadAsStringAsync();
        Assert.Contains("The passwords do not match.", mismatchHtml, StringComparison.Ordinal);

        using var weak = await browser.SubmitAsync(mismatchHtml, "/u/reset-password", new Dictionary<string, string> { ["password"] = "weak", ["confirm"] = "weak" });
        var weakHtml = await weak.Content.ReadAsStringAsync();
        Assert.Contains("class=\"unmet\"", weakHtml, StringComparison.Ordinal);

        using var reused = await browser.SubmitAsync(weakHtml, "/u/reset-password", new Dictionary<string, string> { ["password"] = "Frank-demo-2026", ["confirm"] = "Frank-demo-2026" });
        var reusedHtml = await reused.Content.ReadAsStringAsync();
        Assert.Contains("Password contains user information.", reusedHtml, StringComparison.Ordinal);

        using var done = await browser.SubmitAsync(reusedHtml, "/u/reset-password", new Dictionary<string, string> { ["password"] = "Renewed-pass-2026!", ["confirm"] = "Renewed-pass-2026!" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Password changed", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var frank = fixture.Store.Read(d => d.FindUser(TenantFixture.FrankId)!.Clone());
        Assert.NotNull(frank.LastPasswordReset);
        Assert.Single(frank.Primary.PasswordHistory);
        Assert.DoesNotContain(fixture.Store.Read(d => d.All<TenantSession>().Select(s => s.UserId).ToList()), id => id == TenantFixture.FrankId);

        using var again = await browser.GetAsync(link[fixture.BaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        using var fresh = new TenantBrowser(fixture);
        var oldLogin = await fresh.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        using var old = await fresh.SubmitPasswordAsync(oldLogin, "frank@example.com", "Frank-demo-2026");
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        using var renewed = await fresh.SubmitPasswordAsync(await old.Content.ReadAsStringAsync(), "frank@example.com", "Renewed-pass-2026!");
        Assert.True(TenantBrowser.CallbackParameters(renewed, TenantFixture.PortalCallback).ContainsKey("code"));
    }

    [Fact]
    public async Task The_forgot_password_form_sends_the_same_email()
    {
        using var browser = new TenantBrowser(fixture);
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        var forgotUrl = System.Text.RegularExpressions.Regex.Match(login, "href=\"(/login/forgot\\?state=[^\"]+)\"").Groups[1].Value;
        var forgot = await browser.GetHtmlAsync(System.Net.WebUtility.HtmlDecode(forgotUrl));
        using var sent = await browser.SubmitAsync(forgot, "/login/forgot", new Dictionary<string, string> { ["email"] = "alice@example.com" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains(ResetText, System.Net.WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains(Outbox.List("alice@example.com"), e => e.Kind == "password-reset");
    }

    [Fact]
    public async Task An_email_verification_ticket_marks_the_email_verified_once()
    {
        var ticket = new TenantTicket
        {
            Id = TenantIds.Token(24),
            Kind = TenantTicket.EmailVerification,
            UserId = TenantFixture.BobId,
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        };
        fixture.Store.Write(w => w.Save(ticket));
        using var browser = new TenantBrowser(fixture);
        using var first = await browser.GetAsync("/u/email-verification?ticket=" + ticket.Id);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Email verified", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(fixture.Store.Read(d => d.FindUser(TenantFixture.BobId)!.EmailVerified));

        using var second = await browser.GetAsync("/u/email-verification?ticket=" + ticket.Id);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact]
    public async Task An_email_verification_ticket_for_a_linked_identity_updates_its_profile_data_and_redirects()
    {
        var ticket = new TenantTicket
        {
            Id = TenantIds.Token(24),
            Kind = TenantTicket.EmailVerification,
            UserId = TenantFixture.DaveId,
            Connection = "github",
            ResultUrl = "http://127.0.0.1:5000/account/email?verified=1",
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        };
        fixture.Store.Write(w =>
        {
            var dave = w.FindUser(TenantFixture.DaveId)!;
            dave.Identities[1].ProfileData!["email_verified"] = false;
            w.Save(dave);
            w.Save(ticket);
        });
        using var browser = new TenantBrowser(fixture);
        using var response = await browser.GetAsync("/u/email-verification?ticket=" + ticket.Id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ticket.ResultUrl, response.Headers.Location!.OriginalString);
        Assert.True(fixture.Store.Read(d => d.FindUser(TenantFixture.DaveId)!.Identities[1].ProfileData!["email_verified"]!.GetValue<bool>()));
    }
}
