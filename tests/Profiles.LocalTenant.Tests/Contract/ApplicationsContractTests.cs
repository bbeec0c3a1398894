using System.Net;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Tests.Authentication;
using Profiles.LocalTenant.Tests.Infrastructure;
using Profiles.LocalTenant.Tests.Management;

namespace Profiles.LocalTenant.Tests.Contract;

/// <summary>Refresh tokens, user log events, clients and <c>/oauth/revoke</c>, validated against Auth0's OpenAPI documents.</summary>
public sealed class ApplicationsContractTests : ManagementApiTests
{
    private static readonly OpenApiDocument Doc = OpenApiDocument.Management;

    [Fact]
    public async Task Refresh_tokens_list_get_and_delete_match_the_document()
    {
        await SignInWithOfflineAccessAsync();

        using var list = await Api.GetAsync(ManagementHttp.UserPath(TenantFixture.AliceId) + "/refresh-tokens?include_totals=true");
        // `total` is in Auth0's recording with include_totals (go-auth0 TestUserManager_ListRefreshTokens), not in the document.
        var page = await ContractAssert.MatchesAsync(Doc, list, "/users/{user_id}/refresh-tokens", HttpStatusCode.OK, "total");
        var token = page!["tokens"]!.AsArray().Single()!;
        Assert.Equal(TenantFixture.PortalClientId, token["client_id"]!.GetValue<string>());
        Assert.Equal("openid profile email offline_access", token["resource_servers"]![0]!["scopes"]!.GetValue<string>());
        var id = token["id"]!.GetValue<string>();

        using var get = await Api.GetAsync("api/v2/refresh-tokens/" + id);
        await ContractAssert.MatchesAsync(Doc, get, "/refresh-tokens/{id}", HttpStatusCode.OK);

        using var delete = await Api.DeleteAsync("api/v2/refresh-tokens/" + id);
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);

        using var gone = await Api.GetAsync("api/v2/refresh-tokens/" + id);
        await ContractAssert.ManagementErrorAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task User_logs_and_client_match_the_document()
    {
        await SignInWithOfflineAccessAsync();

        using var logs = await Api.GetAsync(ManagementHttp.UserPath(TenantFixture.AliceId) + "/logs?page=0&per_page=10&sort=date:-1");
        var array = await ContractAssert.MatchesAsync(Doc, logs, "/users/{id}/logs", HttpStatusCode.OK);
        Assert.Contains(array!.AsArray(), e => e!["type"]!.GetValue<string>() == "s");

        using var totals = await Api.GetAsync(ManagementHttp.UserPath(TenantFixture.AliceId) + "/logs?include_totals=true");
        var wrapped = await ContractAssert.MatchesAsync(Doc, totals, "/users/{id}/logs", HttpStatusCode.OK);
        Assert.True(wrapped!["total"]!.GetValue<int>() >= 1);

        using var client = await Api.GetAsync("api/v2/clients/" + TenantFixture.PortalClientId);
        var json = await ContractAssert.MatchesAsync(Doc, client, "/clients/{client_id}", HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(json!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Revoke_answers_as_the_authentication_document_says()
    {
        var refreshToken = await SignInWithOfflineAccessAsync();
        using var http = Tenant.CreateClient();
        using var revoke = await http.PostAsync("oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["token"] = refreshToken,
        }));
        // The document gives a text/plain "OK"; Auth0's recorded answer is 200 with an empty body (go-auth0
        // authentication/TestRevokeRefreshToken), which the tenant sends.
        IReadOnlyCollection<string> emptyBody = ["$: null is not allowed"];
        await ContractAssert.MatchesAsync(OpenApiDocument.Authentication, revoke, "/oauth/revoke", HttpStatusCode.OK, emptyBody);

        using var wrongSecret = await http.PostAsync("oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = "wrong",
            ["token"] = refreshToken,
        }));
        var error = await ContractAssert.MatchesAsync(OpenApiDocument.Authentication, wrongSecret, "/oauth/revoke", HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", error!["error"]!.GetValue<string>());
    }

    [Fact]
    public void The_document_lists_every_status_the_tenant_answers_with_on_success()
    {
        (string Path, string Method, int Status)[] operations =
        [
            ("/users/{user_id}/refresh-tokens", "get", 200), ("/users/{user_id}/refresh-tokens", "delete", 202),
            ("/refresh-tokens/{id}", "get", 200), ("/refresh-tokens/{id}", "delete", 202), ("/users/{id}/logs", "get", 200),
            ("/clients/{client_id}", "get", 200),
        ];
        Assert.All(operations, o => Assert.True(Doc.Documents(o.Path, o.Method, o.Status), $"{o.Method} {o.Path} {o.Status}"));
        Assert.True(OpenApiDocument.Authentication.Documents("/oauth/revoke", "post", 200));
    }

    private async Task<string> SignInWithOfflineAccessAsync()
    {
        using var browser = new TenantBrowser(Tenant);
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(scope: "openid profile email offline_access"), "alice@example.com", "Alice-demo-2026");
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        return tokens.GetProperty("refresh_token").GetString()!;
    }
}
