using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Profiles.LocalTenant.Tests.Authentication;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.MyAccount;

/// <summary>User access tokens for the My Account API: <c>/authorize</c> honours <c>audience</c>, the token endpoint issues a token
/// for it with the My Account scopes asked for, and <c>/me/v1</c> checks signature, audience, expiry and scope.</summary>
public sealed class MyAccountTokenTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private const string Scopes = "openid profile offline_access read:me:authentication_methods create:me:authentication_methods read:users";

    [Fact]
    public async Task The_code_flow_with_the_me_audience_issues_a_token_the_my_account_api_accepts()
    {
        using var browser = new TenantBrowser(fixture);
        var audience = Uri.EscapeDataString(fixture.BaseUrl + "/me/");
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl("audience=" + audience, scope: Scopes), "alice@example.com", "Alice-demo-2026");
        var (status, body) = await browser.ExchangeAsync(callback["code"]);

        Assert.Equal(HttpStatusCode.OK, status);
        // Scopes the API does not define are dropped, as Auth0 drops them.
        Assert.Equal("openid profile offline_access read:me:authentication_methods create:me:authentication_methods", body.GetProperty("scope").GetString());
        var accessToken = body.GetProperty("access_token").GetString()!;
        var jwt = new JsonWebToken(accessToken);
        Assert.Equal([fixture.BaseUrl + "/me/", fixture.BaseUrl + "/userinfo"], jwt.Audiences);
        Assert.Equal(TenantFixture.AliceId, jwt.Subject);

        using var api = fixture.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var list = await api.GetAsync("me/v1/authentication-methods");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        // The refresh token keeps the audience.
        var (refreshed, renewed) = await browser.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["refresh_token"] = body.GetProperty("refresh_token").GetString()!,
        });
        Assert.Equal(HttpStatusCode.OK, refreshed);
        Assert.Contains(fixture.BaseUrl + "/me/", new JsonWebToken(renewed.GetProperty("access_token").GetString()!).Audiences);
    }

    [Fact]
    public async Task An_unknown_audience_is_service_not_found()
    {
        using var browser = new TenantBrowser(fixture);
        using var response = await browser.GetAsync(TenantBrowser.AuthorizeUrl("audience=" + Uri.EscapeDataString("https://api.example.com/")));
        var error = TenantBrowser.CallbackParameters(response, TenantFixture.PortalCallback);
        Assert.Equal("access_denied", error["error"]);
        Assert.Equal("Service not found: https://api.example.com/", error["error_description"]);
    }

    [Theory]
    [InlineData(null, "Missing Token")]
    [InlineData("Bearer not-a-token", "Invalid Token")]
    public async Task Without_a_valid_token_the_api_answers_401_with_its_error_body(string? authorization, string title)
    {
        using var api = fixture.CreateClient();
        if (authorization is not null)
        {
            api.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await api.GetAsync("me/v1/authentication-methods");
        var body = await MyAccountHttp.ExpectErrorAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(title, body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Tokens_for_other_audiences_are_refused_and_a_missing_scope_is_403()
    {
        using var management = fixture.CreateManagementClient();
        using var wrongAudience = await management.GetAsync("me/v1/authentication-methods");
        await MyAccountHttp.ExpectErrorAsync(wrongAudience, HttpStatusCode.Unauthorized);

        using var narrow = fixture.CreateMyAccountClient(TenantFixture.AliceId, "read:me:authentication_methods");
        using var forbidden = await narrow.DeleteAsync("me/v1/authentication-methods/totp%7Cdev_0000000000000000");
        var body = await MyAccountHttp.ExpectErrorAsync(forbidden, HttpStatusCode.Forbidden);
        Assert.Equal("Insufficient Scope", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tenant = await TenantFixture.StartAsync(clock: clock);
        using var api = tenant.CreateMyAccountClient(TenantFixture.AliceId, "read:me:authentication_methods");
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2));
        using var response = await api.GetAsync("me/v1/authentication-methods");
        await MyAccountHttp.ExpectErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task When_the_api_is_not_activated_no_token_is_issued_and_the_api_answers_403()
    {
        await using var tenant = await TenantFixture.StartAsync(o => o.MyAccountApi = false);
        using var browser = new TenantBrowser(tenant);
        using var response = await browser.GetAsync(TenantBrowser.AuthorizeUrl("audience=" + Uri.EscapeDataString(tenant.BaseUrl + "/me/")));
        var error = TenantBrowser.CallbackParameters(response, TenantFixture.PortalCallback);
        Assert.Equal("access_denied", error["error"]);
        Assert.Equal($"Service not found: {tenant.BaseUrl}/me/", error["error_description"]);

        using var api = tenant.CreateMyAccountClient(TenantFixture.AliceId, "read:me:authentication_methods");
        using var refused = await api.GetAsync("me/v1/authentication-methods");
        await MyAccountHttp.ExpectErrorAsync(refused, HttpStatusCode.Forbidden);

        // The operator switch turns it on while the tenant runs.
        using var control = tenant.CreateClient();
        using var on = await control.PutAsync("local/my-account", new StringContent("""{"activated":true}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        using var served = await api.GetAsync("me/v1/authentication-methods");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
