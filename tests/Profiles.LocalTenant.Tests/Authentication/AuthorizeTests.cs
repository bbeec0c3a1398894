using System.Net;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

public sealed class AuthorizeTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task An_unknown_client_gets_an_error_page_not_a_redirect()
    {
        using var browser = new TenantBrowser(fixture);
        using var response = await browser.GetAsync(TenantBrowser.AuthorizeUrl(clientId: "nobody"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_uri_outside_the_callbacks_is_never_redirected_to()
    {
        using var browser = new TenantBrowser(fixture);
        using var response = await browser.GetAsync(TenantBrowser.AuthorizeUrl(redirectUri: "https://evil.example/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Callback URL mismatch", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_response_types_redirect_with_unsupported_response_type_and_state()
    {
        using var browser = new TenantBrowser(fixture);
        using var response = await browser.GetAsync(TenantBrowser.AuthorizeUrl().Replace("response_type=code", "response_type=token", StringComparison.Ordinal));
        var parameters = TenantBrowser.CallbackParameters(response, TenantFixture.PortalCallback);
        Assert.Equal("unsupported_response_type", parameters["error"]);
        Assert.Equal("st-123", parameters["state"]);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_show_the_same_message()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        using var wrong = await browser.SubmitPasswordAsync(html, "alice@example.com", "not-her-password");
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        using var unknown = await browser.SubmitPasswordAsync(wrongHtml, "nobody@example.com", "whatever-password");
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        foreach (var (response, page) in new[] { (wrong, wrongHtml), (unknown, unknownHtml) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("""<p class="error" id="login-error" role="alert">Wrong email or password.</p>""", page, StringComparison.Ordinal);
            Assert.Contains("""aria-describedby="login-error" """, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_form_without_the_antiforgery_token_is_rejected()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        var form = HtmlForm.Single(html, "/login/password");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["state"] = form.Hidden["state"],
            ["email"] = "alice@example.com",
            ["password"] = "Alice-demo-2026",
        });
        using var response = await browser.Http.PostAsync("login/password", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_live_session_skips_the_login_page_and_prompt_login_or_max_age_0_force_it()
    {
        using var browser = new TenantBrowser(fixture);
        var first = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", "Alice-demo-2026");
        Assert.True(first.ContainsKey("code"));

        using (var again = await browser.GetAsync(TenantBrowser.AuthorizeUrl(state: "second")))
        {
            var parameters = TenantBrowser.CallbackParameters(again, TenantFixture.PortalCallback);
            Assert.Equal("second", parameters["state"]);
            Assert.NotEqual(first["code"], parameters["code"]);
        }

        using (var silent = await browser.GetAsync(TenantBrowser.AuthorizeUrl("prompt=none")))
        {
            Assert.True(TenantBrowser.CallbackParameters(silent, TenantFixture.PortalCallback).ContainsKey("code"));
        }

        foreach (var forcing in new[] { "prompt=login", "max_age=0" })
        {
            var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl(forcing));
            Assert.Contains("/login/password", html, StringComparison.Ordinal);
            using var relogin = await browser.SubmitPasswordAsync(html, "alice@example.com", "Alice-demo-2026");
            Assert.True(TenantBrowser.CallbackParameters(relogin, TenantFixture.PortalCallback).ContainsKey("code"));
        }

        using var generous = await browser.GetAsync(TenantBrowser.AuthorizeUrl("max_age=3600"));
        Assert.True(TenantBrowser.CallbackParameters(generous, TenantFixture.PortalCallback).ContainsKey("code"));
    }

    [Fact]
    public async Task Reauthentication_keeps_the_sid_and_moves_auth_time()
    {
        // auth_time counts whole seconds: the tenant's clock moves one on between the two sign-ins. It starts at the real time
        // because the ID tokens are validated against the real clock.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tenant = await TenantFixture.StartAsync(clock: clock);
        using var browser = new TenantBrowser(tenant);
        var first = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "frank@example.com", "Frank-demo-2026");
        var (_, firstTokens) = await browser.ExchangeAsync(first["code"]);
        var firstToken = await TokenValidation.ValidateIdTokenAsync(tenant, firstTokens.GetProperty("id_token").GetString()!);
        clock.Advance(TimeSpan.FromSeconds(1));

        var second = await browser.LoginAsync(TenantBrowser.AuthorizeUrl("max_age=0"), "frank@example.com", "Frank-demo-2026");
        var (_, secondTokens) = await browser.ExchangeAsync(second["code"]);
        var secondToken = await TokenValidation.ValidateIdTokenAsync(tenant, secondTokens.GetProperty("id_token").GetString()!);
        Assert.Equal(firstToken.GetPayloadValue<string>("sid"), secondToken.GetPayloadValue<string>("sid"));
        Assert.True(secondToken.GetPayloadValue<long>("auth_time") > firstToken.GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task Prompt_none_without_a_session_returns_login_required()
    {
        using var browser = new TenantBrowser(fixture);
        using var response = await browser.GetAsync(TenantBrowser.AuthorizeUrl("prompt=none"));
        var parameters = TenantBrowser.CallbackParameters(response, TenantFixture.PortalCallback);
        Assert.Equal("login_required", parameters["error"]);
        Assert.Equal("st-123", parameters["state"]);
    }

    [Fact]
    public async Task A_blocked_user_is_sent_back_with_unauthorized()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        using var response = await browser.SubmitPasswordAsync(html, "erin@example.com", "Erin-demo-2026");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TenantFixture.PortalCallback + "?error=unauthorized&error_description=user%20is%20blocked&state=st-123",
            response.Headers.Location!.OriginalString);
        Assert.DoesNotContain(browser.Cookies.GetCookies(new Uri(fixture.BaseUrl)), c => c.Name == "lt_session");
    }

    [Fact]
    public async Task A_linked_secondary_database_identity_signs_in_as_the_primary_user()
    {
        fixture.Store.Write(w =>
        {
            var frank = w.FindUser(TenantFixture.FrankId)!;
            var secondary = new Data.TenantIdentity
            {
                Connection = TenantFixture.DatabaseConnection,
                Provider = "auth0",
                UserId = "64b97a87b6c808c6f9cc00ff",
                PasswordHash = Security.PasswordHasher.Hash("Second-frank-2026"),
                ProfileData = new System.Text.Json.Nodes.JsonObject { ["email"] = "frank.second@example.com", ["email_verified"] = true },
            };
            frank.Identities.Add(secondary);
            w.Save(frank);
        });
        using var browser = new TenantBrowser(fixture);
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "frank.second@example.com", "Second-frank-2026");
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        var idToken = await TokenValidation.ValidateIdTokenAsync(fixture, tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(TenantFixture.FrankId, idToken.Subject);
    }

    [Fact]
    public async Task Connection_and_screen_hint_pick_the_page_and_login_hint_prefills()
    {
        using var browser = new TenantBrowser(fixture);
        using (var social = await browser.GetAsync(TenantBrowser.AuthorizeUrl("connection=google-oauth2")))
        {
            var location = social.Headers.Location!.OriginalString;
            using var chooser = await browser.GetAsync(location);
            Assert.Equal(HttpStatusCode.Redirect, chooser.StatusCode);
            Assert.StartsWith("/login/social/google-oauth2?state=", chooser.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var database = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("connection=Username-Password-Authentication&login_hint=alice%40example.com"));
        Assert.Contains("value=\"alice@example.com\"", database, StringComparison.Ordinal);
        Assert.DoesNotContain("/login/social/", database, StringComparison.Ordinal);

        var signup = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("screen_hint=signup"));
        Assert.Contains("action=\"/login/signup\"", signup, StringComparison.Ordinal);
        Assert.Contains("At least 8 characters in length", signup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_is_accessible_html_with_the_demo_accounts()
    {
        using var browser = new TenantBrowser(fixture);
        using var authorize = await browser.GetAsync(TenantBrowser.AuthorizeUrl());
        using var page = await browser.GetAsync(authorize.Headers.Location!.OriginalString);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("""<html lang="en">""", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("""<label for="email">""", html, StringComparison.Ordinal);
        Assert.Contains("""<label for="password">""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Alice-demo-2026", html, StringComparison.Ordinal);
        Assert.Contains("development and tests only", html, StringComparison.Ordinal);
        Assert.Contains("Continue with Google", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var css = await browser.GetAsync("/tenant.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(":focus-visible", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var root = await browser.GetAsync("/");
        Assert.Equal("/login/demo-accounts", root.Headers.Location?.OriginalString);
        var demo = await browser.GetHtmlAsync("/login/demo-accounts");
        Assert.Contains("frank@example.com", demo, StringComparison.Ordinal);
    }
}
