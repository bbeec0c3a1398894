using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Mfa;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>Sign-in for users with a second factor: after the password the tenant asks for a TOTP code, an emailed code or a
/// recovery code; the ID token then carries <c>amr: ["mfa"]</c> and the session records <c>mfa</c>.</summary>
public sealed partial class SecondFactorLoginTests : IAsyncLifetime
{
    private const string Email = "frank@example.com";
    private const string Password = "Frank-demo-2026";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private TenantFixture _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantFixture.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task A_user_with_totp_is_challenged_and_a_right_code_signs_in_with_amr_mfa()
    {
        var secret = Enrol(new TenantAuthenticationMethod { Id = "totp|dev_FrankTotp0000001", UserId = TenantFixture.FrankId, Type = "totp", TotpSecret = TotpCodes.NewSecret() }).TotpSecret!;
        using var browser = new TenantBrowser(_tenant);
        var challenge = await PasswordStepAsync(browser);
        Assert.Contains("autocomplete=\"one-time-code\"", challenge, StringComparison.Ordinal);

        using var wrong = await browser.SubmitAsync(challenge, "/login/mfa", new Dictionary<string, string> { ["code"] = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var retry = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", retry, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", retry, StringComparison.Ordinal);

        using var right = await browser.SubmitAsync(retry, "/login/mfa", new Dictionary<string, string> { ["code"] = new TotpCodes(_clock).Now(secret) });
        var callback = TenantBrowser.CallbackParameters(right, TenantFixture.PortalCallback);
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(["mfa"], idToken.GetPayloadValue<string[]>("amr"));
        var session = _tenant.Store.Read(d => d.Find<TenantSession>(idToken.GetPayloadValue<string>("sid"))!);
        Assert.Contains(session.Methods, m => m.Name == "mfa");
        Assert.Contains(session.Methods, m => m.Name == "pwd");
        Assert.NotNull(_tenant.Store.Read(d => d.Find<TenantAuthenticationMethod>("totp|dev_FrankTotp0000001")!.LastAuthAt));
        var events = _tenant.Store.Read(d => d.All<TenantLogEvent>().Where(e => e.UserId == TenantFixture.FrankId).Select(e => e.Type).ToList());
        Assert.Contains("gd_auth_failed", events);
        Assert.Contains("gd_auth_succeed", events);

        // Single sign-on afterwards does not repeat the challenge, and its ID token has no amr (Auth0 sends it on the MFA login only).
        using var silent = await browser.GetAsync(TenantBrowser.AuthorizeUrl());
        var (_, again) = await browser.ExchangeAsync(TenantBrowser.CallbackParameters(silent, TenantFixture.PortalCallback)["code"]);
        Assert.False(new JsonWebToken(again.GetProperty("id_token").GetString()!).TryGetPayloadValue<string[]>("amr", out _));
    }

    [Fact]
    public async Task The_same_totp_code_is_not_accepted_twice()
    {
        var secret = Enrol(new TenantAuthenticationMethod { Id = "totp|dev_FrankTotp0000002", UserId = TenantFixture.FrankId, Type = "totp", TotpSecret = TotpCodes.NewSecret() }).TotpSecret!;
        var code = new TotpCodes(_clock).Now(secret);
        using (var first = new TenantBrowser(_tenant))
        {
            using var accepted = await first.SubmitAsync(await PasswordStepAsync(first), "/login/mfa", new Dictionary<string, string> { ["code"] = code });
            TenantBrowser.CallbackParameters(accepted, TenantFixture.PortalCallback);
        }

        using var second = new TenantBrowser(_tenant);
        using var replayed = await second.SubmitAsync(await PasswordStepAsync(second), "/login/mfa", new Dictionary<string, string> { ["code"] = code });
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_replaced_by_a_new_one_shown_once()
    {
        Enrol(new TenantAuthenticationMethod { Id = "totp|dev_FrankTotp0000003", UserId = TenantFixture.FrankId, Type = "totp", TotpSecret = TotpCodes.NewSecret() });
        const string Old = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        Enrol(new TenantAuthenticationMethod { Id = "recovery-code|dev_FrankRecovery01", UserId = TenantFixture.FrankId, Type = "recovery-code", RecoveryCodeHash = RecoveryCodes.Hash(Old) });
        using var browser = new TenantBrowser(_tenant);
        var challenge = await PasswordStepAsync(browser);
        var recoveryPage = await browser.GetHtmlAsync(Link(challenge, "recovery-code"));

        using var used = await browser.SubmitAsync(recoveryPage, "/login/mfa", new Dictionary<string, string> { ["code"] = "abcd efgh-jklm npqr stuv wxyz" });
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        var shown = await used.Content.ReadAsStringAsync();
        var fresh = RecoveryCodePattern().Match(shown).Groups[1].Value;
        Assert.Matches("^[A-Z0-9]{24}$", fresh);
        Assert.NotEqual(Old, fresh);

        using var done = await browser.SubmitAsync(shown, "/login/mfa/continue", new Dictionary<string, string>());
        TenantBrowser.CallbackParameters(done, TenantFixture.PortalCallback);
        var stored = _tenant.Store.Read(d => d.Find<TenantAuthenticationMethod>("recovery-code|dev_FrankRecovery01")!);
        Assert.False(RecoveryCodes.Matches(stored, Old));
        Assert.True(RecoveryCodes.Matches(stored, fresh));
    }

    [Fact]
    public async Task An_email_factor_sends_a_code_to_the_outbox_and_remembering_the_browser_skips_the_next_challenge()
    {
        Enrol(new TenantAuthenticationMethod { Id = "email|dev_FrankEmail00001", UserId = TenantFixture.FrankId, Type = "email", Email = "frank.codes@example.com" });
        using var browser = new TenantBrowser(_tenant);
        var challenge = await PasswordStepAsync(browser);
        Assert.Contains("f•••@example.com", challenge, StringComparison.Ordinal);
        var sent = _tenant.Tenant.Services.GetRequiredService<OutboxService>().List("frank.codes@example.com").Single();
        var code = Regex.Match(sent.Body, "[0-9]{6}").Value;

        using var accepted = await browser.SubmitAsync(challenge, "/login/mfa", new Dictionary<string, string> { ["code"] = code, ["remember"] = "true" });
        TenantBrowser.CallbackParameters(accepted, TenantFixture.PortalCallback);

        // prompt=login asks for the password again, but this browser is remembered for Frank for 30 days.
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("prompt=login"));
        using var again = await browser.SubmitPasswordAsync(login, Email, Password);
        TenantBrowser.CallbackParameters(again, TenantFixture.PortalCallback);

        _clock.Advance(RememberedBrowsers.Lifetime + TimeSpan.FromMinutes(1));
        var later = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("prompt=login"));
        using var challenged = await browser.SubmitPasswordAsync(later, Email, Password);
        Assert.StartsWith("/login/mfa?state=", challenged.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_up_with_acr_values_asks_a_signed_in_user_for_the_second_factor_again()
    {
        var secret = Enrol(new TenantAuthenticationMethod { Id = "totp|dev_FrankTotp0000005", UserId = TenantFixture.FrankId, Type = "totp", TotpSecret = TotpCodes.NewSecret() }).TotpSecret!;
        using var browser = new TenantBrowser(_tenant);
        using var first = await browser.SubmitAsync(await PasswordStepAsync(browser), "/login/mfa",
            new Dictionary<string, string> { ["code"] = new TotpCodes(_clock).Now(secret), ["remember"] = "true" });
        var (_, firstTokens) = await browser.ExchangeAsync(TenantBrowser.CallbackParameters(first, TenantFixture.PortalCallback)["code"]);
        var authTime = new JsonWebToken(firstTokens.GetProperty("id_token").GetString()!).GetPayloadValue<long>("auth_time");

        var stepUp = "acr_values=" + Uri.EscapeDataString("http://schemas.openid.net/pape/policies/2007/06/multi-factor");
        using var silent = await browser.GetAsync(TenantBrowser.AuthorizeUrl(stepUp + "&prompt=none"));
        Assert.Equal("interaction_required", TenantBrowser.CallbackParameters(silent, TenantFixture.PortalCallback)["error"]);

        // The session and the remembered browser do not stand in for the second factor.
        _clock.Advance(TimeSpan.FromMinutes(2));
        using var asked = await browser.GetAsync(TenantBrowser.AuthorizeUrl(stepUp));
        Assert.StartsWith("/login/mfa?state=", asked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var challenge = await browser.GetHtmlAsync(asked.Headers.Location.OriginalString);
        using var passed = await browser.SubmitAsync(challenge, "/login/mfa", new Dictionary<string, string> { ["code"] = new TotpCodes(_clock).Now(secret) });
        var (_, tokens) = await browser.ExchangeAsync(TenantBrowser.CallbackParameters(passed, TenantFixture.PortalCallback)["code"]);
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal("http://schemas.openid.net/pape/policies/2007/06/multi-factor", idToken.GetPayloadValue<string>("acr"));
        Assert.Equal(["mfa"], idToken.GetPayloadValue<string[]>("amr"));
        Assert.Equal(authTime, idToken.GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task Step_up_for_a_user_without_a_second_factor_answers_from_the_session()
    {
        using var browser = new TenantBrowser(_tenant);
        await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), Email, Password);
        using var again = await browser.GetAsync(TenantBrowser.AuthorizeUrl("acr_values=" + Uri.EscapeDataString("http://schemas.openid.net/pape/policies/2007/06/multi-factor")));
        var (_, tokens) = await browser.ExchangeAsync(TenantBrowser.CallbackParameters(again, TenantFixture.PortalCallback)["code"]);
        Assert.False(new JsonWebToken(tokens.GetProperty("id_token").GetString()!).TryGetPayloadValue<string>("acr", out _));
    }

    [Fact]
    public async Task Five_wrong_codes_end_the_sign_in()
    {
        Enrol(new TenantAuthenticationMethod { Id = "totp|dev_FrankTotp0000004", UserId = TenantFixture.FrankId, Type = "totp", TotpSecret = TotpCodes.NewSecret() });
        using var browser = new TenantBrowser(_tenant);
        var page = await PasswordStepAsync(browser);
        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await browser.SubmitAsync(page, "/login/mfa", new Dictionary<string, string> { ["code"] = "abcdef" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            page = await wrong.Content.ReadAsStringAsync();
        }

        Assert.DoesNotContain("action=\"/login/mfa\"", page, StringComparison.Ordinal);
    }

    private TenantAuthenticationMethod Enrol(TenantAuthenticationMethod method)
    {
        method.CreatedAt = _clock.GetUtcNow();
        _tenant.Store.Write(w => w.Save(method));
        return method;
    }

    /// <summary>Signs in with Frank's password and follows the redirect to the challenge page.</summary>
    private static async Task<string> PasswordStepAsync(TenantBrowser browser)
    {
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        using var response = await browser.SubmitPasswordAsync(login, Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/login/mfa?state=", location, StringComparison.Ordinal);
        return await browser.GetHtmlAsync(location);
    }

    private static string Link(string html, string methodType)
        => System.Net.WebUtility.HtmlDecode(Regex.Match(html, $"href=\"(/login/mfa\\?[^\"]*method={Regex.Escape(Uri.EscapeDataString(methodType + "|"))}[^\"]*)\"").Groups[1].Value);

    [GeneratedRegex("<code id=\"recovery-code\">([A-Z0-9]{24})</code>")]
    private static partial Regex RecoveryCodePattern();
}
