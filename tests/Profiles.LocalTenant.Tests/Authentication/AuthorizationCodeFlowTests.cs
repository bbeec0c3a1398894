using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

public sealed class AuthorizationCodeFlowTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task Full_code_flow_with_pkce_issues_an_id_token_a_relying_party_accepts()
    {
        using var browser = new TenantBrowser(fixture);
        var pkce = Pkce.Create();
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(pkce: pkce, state: "xyz 1/2", nonce: "nonce-abc"), "alice@example.com", "Alice-demo-2026");
        Assert.Equal("xyz 1/2", callback["state"]);

        var (status, body) = await browser.ExchangeAsync(callback["code"], pkce);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(86400, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("openid profile email", body.GetProperty("scope").GetString());
        Assert.False(body.TryGetProperty("refresh_token", out _));

        var idToken = await TokenValidation.ValidateIdTokenAsync(fixture, body.GetProperty("id_token").GetString()!);
        Assert.Equal(TenantFixture.AliceId, idToken.Subject);
        Assert.Equal("nonce-abc", idToken.GetClaim("nonce").Value);
        Assert.Equal(TokenService.AtHash(body.GetProperty("access_token").GetString()!), idToken.GetClaim("at_hash").Value);
        Assert.Equal(36000, idToken.GetPayloadValue<long>("exp") - idToken.GetPayloadValue<long>("iat"));
        Assert.Equal("Alice Example", idToken.GetClaim("name").Value);
        Assert.Equal("alice@example.com", idToken.GetClaim("email").Value);
        Assert.True(idToken.GetPayloadValue<bool>("email_verified"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", idToken.GetPayloadValue<string>("updated_at"));

        var sid = idToken.GetPayloadValue<string>("sid");
        var authTime = idToken.GetPayloadValue<long>("auth_time");
        var session = fixture.Store.Read(d => d.Find<TenantSession>(sid));
        Assert.NotNull(session);
        Assert.Equal(session.AuthenticatedAt.ToUnixTimeSeconds(), authTime);
        Assert.Equal(TenantFixture.AliceId, session.UserId);
        Assert.Contains(TenantFixture.PortalClientId, session.ClientIds);
        Assert.Equal(TenantFixture.DatabaseConnection, session.Connection);

        var cookie = browser.Cookies.GetCookies(new Uri(fixture.BaseUrl)).Single(c => c.Name == "lt_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(sid, cookie.Value);
    }

    [Fact]
    public async Task Login_records_last_login_and_a_grant()
    {
        using var browser = new TenantBrowser(fixture);
        var before = fixture.Store.Read(d => d.FindUser(TenantFixture.FrankId)!.LoginsCount ?? 0);
        await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "frank@example.com", "Frank-demo-2026");
        var (user, grants) = fixture.Store.Read(d => (d.FindUser(TenantFixture.FrankId)!.Clone(),
            d.All<TenantGrant>().Where(g => g.UserId == TenantFixture.FrankId).Select(g => (g.ClientId, g.Audience, Scope: string.Join(' ', g.Scope))).ToList()));
        Assert.Equal(before + 1, user.LoginsCount);
        Assert.NotNull(user.LastLogin);
        Assert.Equal("127.0.0.1", user.LastIp);
        var grant = Assert.Single(grants);
        Assert.Equal(TenantFixture.PortalClientId, grant.ClientId);
        Assert.Equal(fixture.BaseUrl + "/userinfo", grant.Audience);
        Assert.Equal("openid profile email", grant.Scope);
    }

    [Fact]
    public async Task A_code_works_once_then_invalid_grant_403()
    {
        using var browser = new TenantBrowser(fixture);
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", "Alice-demo-2026");
        var (first, _) = await browser.ExchangeAsync(callback["code"]);
        Assert.Equal(HttpStatusCode.OK, first);

        var (second, body) = await browser.ExchangeAsync(callback["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, second);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("Invalid authorization code", body.GetProperty("error_description").GetString());

        var (unknown, _) = await browser.ExchangeAsync("not-a-code");
        Assert.Equal(HttpStatusCode.Forbidden, unknown);
    }

    [Fact]
    public async Task A_wrong_code_verifier_is_refused()
    {
        using var browser = new TenantBrowser(fixture);
        var pkce = Pkce.Create();
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(pkce: pkce), "alice@example.com", "Alice-demo-2026");
        var (status, body) = await browser.ExchangeAsync(callback["code"], Pkce.Create());
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("Failed to verify code verifier", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task The_code_exchange_needs_the_same_redirect_uri_and_a_valid_client()
    {
        using var browser = new TenantBrowser(fixture);
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", "Alice-demo-2026");
        var (status, body) = await browser.ExchangeAsync(callback["code"], redirectUri: "http://localhost:5000/signin-auth0");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());

        var (badClient, clientBody) = await browser.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = "wrong",
            ["code"] = "whatever",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, badClient);
        Assert.Equal("invalid_client", clientBody.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Offline_access_returns_a_refresh_token_that_can_narrow_scope()
    {
        using var browser = new TenantBrowser(fixture);
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(scope: "openid profile email offline_access"), "alice@example.com", "Alice-demo-2026");
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        Assert.True(fixture.Store.Read(d => d.Find<TenantRefreshToken>(TenantIds.Hash(refreshToken)) is not null));

        var (status, refreshed) = await browser.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["refresh_token"] = refreshToken,
            ["scope"] = "openid email",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("openid email", refreshed.GetProperty("scope").GetString());
        var idToken = await TokenValidation.ValidateIdTokenAsync(fixture, refreshed.GetProperty("id_token").GetString()!);
        Assert.Equal("alice@example.com", idToken.GetClaim("email").Value);
        Assert.False(idToken.TryGetClaim("name", out _));

        var (wider, _) = await browser.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["refresh_token"] = refreshToken,
            ["scope"] = "openid read:users",
        });
        Assert.Equal(HttpStatusCode.Forbidden, wider);

        var (unknown, unknownBody) = await browser.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["refresh_token"] = "unknown",
        });
        Assert.Equal(HttpStatusCode.Forbidden, unknown);
        Assert.Equal("invalid_grant", unknownBody.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Userinfo_answers_by_scope_and_refuses_bad_tokens()
    {
        using var browser = new TenantBrowser(fixture);
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(scope: "openid email"), "alice@example.com", "Alice-demo-2026");
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);

        using var request = new HttpRequestMessage(HttpMethod.Get, "userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        using var response = await browser.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(TenantFixture.AliceId, claims.GetProperty("sub").GetString());
        Assert.Equal("alice@example.com", claims.GetProperty("email").GetString());
        Assert.True(claims.GetProperty("email_verified").GetBoolean());
        Assert.False(claims.TryGetProperty("name", out _));

        using var bad = new HttpRequestMessage(HttpMethod.Get, "userinfo");
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.ManagementToken());
        using var refused = await browser.Http.SendAsync(bad);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("invalid_token", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());

        using var none = await browser.Http.GetAsync("userinfo");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Fact]
    public async Task A_plain_challenge_works_with_basic_client_authentication()
    {
        using var browser = new TenantBrowser(fixture);
        var url = TenantBrowser.AuthorizeUrl("code_challenge=plain-verifier-0123456789-0123456789-0123456789&code_challenge_method=plain");
        var callback = await browser.LoginAsync(url, "alice@example.com", "Alice-demo-2026");
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = callback["code"],
                ["redirect_uri"] = TenantFixture.PortalCallback,
                ["code_verifier"] = "plain-verifier-0123456789-0123456789-0123456789",
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TenantFixture.PortalClientId + ":" + TenantFixture.PortalClientSecret)));
        using var response = await browser.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
