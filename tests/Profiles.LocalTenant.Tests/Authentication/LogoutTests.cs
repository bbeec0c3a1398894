using System.Net;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

public sealed class LogoutTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private async Task<(TenantBrowser Browser, string IdToken, string Sid)> SignedInAsync()
    {
        var browser = new TenantBrowser(fixture);
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", "Alice-demo-2026");
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        var idToken = tokens.GetProperty("id_token").GetString()!;
        var sid = (await TokenValidation.ValidateIdTokenAsync(fixture, idToken)).GetPayloadValue<string>("sid");
        return (browser, idToken, sid);
    }

    private static async Task AssertSignedOutAsync(TenantBrowser browser)
    {
        using var silent = await browser.GetAsync(TenantBrowser.AuthorizeUrl("prompt=none"));
        Assert.Equal("login_required", TenantBrowser.CallbackParameters(silent, TenantFixture.PortalCallback)["error"]);
    }

    [Fact]
    public async Task V2_logout_ends_the_session_and_returns_to_an_allowed_url()
    {
        var (browser, _, sid) = await SignedInAsync();
        using (browser)
        {
            using var response = await browser.GetAsync("/v2/logout?client_id=profiles-portal-dev&returnTo=" + Uri.EscapeDataString("http://127.0.0.1:5000/account/goodbye"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("http://127.0.0.1:5000/account/goodbye", response.Headers.Location!.OriginalString);
            Assert.Null(fixture.Store.Read(d => d.Find<TenantSession>(sid)));
            await AssertSignedOutAsync(browser);
        }
    }

    [Fact]
    public async Task V2_logout_refuses_a_return_url_that_is_not_allowed()
    {
        using var browser = new TenantBrowser(fixture);
        using var refused = await browser.GetAsync("/v2/logout?client_id=profiles-portal-dev&returnTo=" + Uri.EscapeDataString("https://evil.example/"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.Location);

        using var tenantLevel = await browser.GetAsync("/v2/logout?returnTo=" + Uri.EscapeDataString("https://evil.example/"));
        Assert.Equal(HttpStatusCode.BadRequest, tenantLevel.StatusCode);
    }

    [Fact]
    public async Task V2_logout_without_return_url_uses_the_first_allowed_one_or_shows_a_page()
    {
        using var browser = new TenantBrowser(fixture);
        using var first = await browser.GetAsync("/v2/logout?client_id=curl-walkthrough");
        Assert.Equal("http://127.0.0.1:8080/", first.Headers.Location!.OriginalString);

        using var page = await browser.GetAsync("/v2/logout");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("You are signed out", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oidc_logout_with_id_token_hint_redirects_with_state()
    {
        var (browser, idToken, sid) = await SignedInAsync();
        using (browser)
        {
            var url = "/oidc/logout?id_token_hint=" + idToken + "&logout_hint=" + Uri.EscapeDataString(sid)
                + "&post_logout_redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1:5000/") + "&state=bye%201";
            using var response = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("http://127.0.0.1:5000/?state=bye%201", response.Headers.Location!.OriginalString);
            Assert.Null(fixture.Store.Read(d => d.Find<TenantSession>(sid)));
            await AssertSignedOutAsync(browser);
        }
    }

    [Theory]
    [InlineData("&client_id=curl-walkthrough")]
    [InlineData("&logout_hint=not-the-sid")]
    [InlineData("&post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F")]
    public async Task Oidc_logout_refuses_inconsistent_parameters(string extra)
    {
        var (browser, idToken, sid) = await SignedInAsync();
        using (browser)
        {
            using var response = await browser.GetAsync("/oidc/logout?id_token_hint=" + idToken + extra);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull(fixture.Store.Read(d => d.Find<TenantSession>(sid)));
        }
    }

    [Fact]
    public async Task Oidc_logout_without_a_hint_asks_first()
    {
        var (browser, _, sid) = await SignedInAsync();
        using (browser)
        {
            var html = await browser.GetHtmlAsync("/oidc/logout?client_id=profiles-portal-dev&post_logout_redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1:5000/"));
            Assert.NotNull(fixture.Store.Read(d => d.Find<TenantSession>(sid)));
            using var confirmed = await browser.SubmitAsync(html, "/oidc/logout/confirm", new Dictionary<string, string>());
            Assert.Equal("http://127.0.0.1:5000/", confirmed.Headers.Location!.OriginalString);
            await AssertSignedOutAsync(browser);
        }
    }

    [Fact]
    public async Task Oidc_logout_accepts_a_form_post()
    {
        var (browser, idToken, sid) = await SignedInAsync();
        using (browser)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["id_token_hint"] = idToken,
                ["client_id"] = TenantFixture.PortalClientId,
                ["post_logout_redirect_uri"] = "http://localhost:5000/",
            });
            using var response = await browser.Http.PostAsync("oidc/logout", form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("http://localhost:5000/", response.Headers.Location!.OriginalString);
            Assert.Null(fixture.Store.Read(d => d.Find<TenantSession>(sid)));
        }
    }
}
