using System.Net;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Authentication;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

public sealed class RefreshTokensAndLogsTests : ManagementApiTests
{
    [Fact]
    public async Task A_revoked_refresh_token_is_refused_and_logged()
    {
        using var browser = new TenantBrowser(Tenant);
        var token = await SignInAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(browser, token)).Status);

        using var revoke = await browser.Http.PostAsync("oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["token"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Empty(await revoke.Content.ReadAsByteArrayAsync());

        var (status, body) = await RefreshAsync(browser, token);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        var types = await LogTypesAsync(TenantFixture.AliceId);
        Assert.Contains("srrt", types);
        Assert.Contains("sertft", types);
    }

    [Fact]
    public async Task A_token_deleted_through_the_management_api_is_refused()
    {
        using var browser = new TenantBrowser(Tenant);
        var token = await SignInAsync(browser);
        var listed = await (await Api.GetAsync(ManagementHttp.UserPath(TenantFixture.AliceId) + "/refresh-tokens")).ExpectObjectAsync(HttpStatusCode.OK);
        var id = listed["tokens"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Accepted, (await Api.DeleteAsync("api/v2/refresh-tokens/" + id)).StatusCode);

        var (status, body) = await RefreshAsync(browser, token);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_token_whose_session_was_deleted_stays_valid_as_at_auth0()
    {
        using var browser = new TenantBrowser(Tenant);
        var token = await SignInAsync(browser);
        Assert.Equal(HttpStatusCode.Accepted, (await Api.DeleteAsync(ManagementHttp.UserPath(TenantFixture.AliceId) + "/sessions")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(browser, token)).Status);
    }

    [Fact]
    public async Task Refresh_tokens_page_with_an_exclusive_cursor()
    {
        Tenant.Store.Write(w =>
        {
            for (var i = 0; i < 3; i++)
            {
                w.Save(new TenantRefreshToken { TokenHash = "h" + i, Id = "rt_" + i, UserId = TenantFixture.BobId, ClientId = TenantFixture.PortalClientId, Scope = "openid offline_access" });
            }
        });
        var first = await (await Api.GetAsync(ManagementHttp.UserPath(TenantFixture.BobId) + "/refresh-tokens?take=2")).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Equal(["rt_0", "rt_1"], first["tokens"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal("rt_1", first["next"]!.GetValue<string>());

        var second = await (await Api.GetAsync(ManagementHttp.UserPath(TenantFixture.BobId) + "/refresh-tokens?take=2&from=rt_1")).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Equal(["rt_2"], second["tokens"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.Null(second["next"]);

        using var unknown = await Api.GetAsync(ManagementHttp.UserPath("auth0|000000000000000000000000") + "/refresh-tokens");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_logged_with_auth0s_code_ip_and_client()
    {
        using var browser = new TenantBrowser(Tenant);
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        using var refused = await browser.SubmitPasswordAsync(login, "alice@example.com", "not-the-password");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var logs = await (await Api.GetAsync(ManagementHttp.UserPath(TenantFixture.AliceId) + "/logs")).ExpectArrayAsync(HttpStatusCode.OK);
        var failed = logs.Single(e => e!["type"]!.GetValue<string>() == "fp")!;
        Assert.Equal(TenantFixture.PortalClientId, failed["client_id"]!.GetValue<string>());
        Assert.Equal(TenantFixture.DatabaseConnection, failed["connection"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(failed["ip"]!.GetValue<string>()));
        Assert.Equal("Wrong email or password.", failed["description"]!.GetValue<string>());

        using var narrow = Tenant.CreateManagementClient("read:users");
        using var forbidden = await narrow.GetAsync(ManagementHttp.UserPath(TenantFixture.AliceId) + "/logs");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private async Task<List<string>> LogTypesAsync(string userId)
    {
        var logs = await (await Api.GetAsync(ManagementHttp.UserPath(userId) + "/logs?per_page=100")).ExpectArrayAsync(HttpStatusCode.OK);
        return [.. logs.Select(e => e!["type"]!.GetValue<string>())];
    }

    private static async Task<string> SignInAsync(TenantBrowser browser)
    {
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(scope: "openid profile email offline_access"), "alice@example.com", "Alice-demo-2026");
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        return tokens.GetProperty("refresh_token").GetString()!;
    }

    private static Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> RefreshAsync(TenantBrowser browser, string token)
        => browser.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["refresh_token"] = token,
        });
}
