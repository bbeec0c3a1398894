using System.Net;
using System.Net.Http.Json;
using Profiles.LocalTenant.Tests.Authentication;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Contract;

/// <summary>The Authentication API's JSON answers validated against Auth0's OpenAPI document.</summary>
public class AuthenticationContractTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Doc = OpenApiDocument.Authentication;
    private static readonly string[] LegacyErrorShape = ["$: missing required property 'error'"];
    private TenantFixture _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantFixture.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Token_userinfo_and_token_errors_match_the_document()
    {
        using var browser = new TenantBrowser(_tenant);
        var pkce = Pkce.Create();
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(pkce: pkce, scope: "openid profile email offline_access"), "alice@example.com", "Alice-demo-2026");
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["code"] = callback["code"],
            ["code_verifier"] = pkce.Verifier,
            ["redirect_uri"] = TenantFixture.PortalCallback,
        };
        using var http = _tenant.CreateClient();
        using var token = await http.PostAsync("oauth/token", new FormUrlEncodedContent(form));
        var body = await ContractAssert.MatchesAsync(Doc, token, "/oauth/token", HttpStatusCode.OK);
        Assert.Equal("application/json", token.Content.Headers.ContentType!.MediaType);

        using var reused = await http.PostAsync("oauth/token", new FormUrlEncodedContent(form));
        await ContractAssert.MatchesAsync(Doc, reused, "/oauth/token", HttpStatusCode.Forbidden);

        using var userinfoRequest = new HttpRequestMessage(HttpMethod.Get, "userinfo");
        userinfoRequest.Headers.Authorization = new("Bearer", body!["access_token"]!.GetValue<string>());
        using var userinfo = await http.SendAsync(userinfoRequest);
        await ContractAssert.MatchesAsync(Doc, userinfo, "/userinfo", HttpStatusCode.OK);

        using var anonymous = await http.GetAsync("userinfo");
        await ContractAssert.MatchesAsync(Doc, anonymous, "/userinfo", HttpStatusCode.Unauthorized);

        using var refresh = await http.PostAsync("oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["refresh_token"] = body["refresh_token"]!.GetValue<string>(),
        }));
        await ContractAssert.MatchesAsync(Doc, refresh, "/oauth/token", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Client_credentials_and_its_errors_match_the_document()
    {
        using var http = _tenant.CreateClient();
        using var ok = await http.PostAsJsonAsync("oauth/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["audience"] = _tenant.BaseUrl + "/api/v2/",
        });
        await ContractAssert.MatchesAsync(Doc, ok, "/oauth/token", HttpStatusCode.OK);

        using var badClient = await http.PostAsJsonAsync("oauth/token", new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = "wrong",
            ["audience"] = _tenant.BaseUrl + "/api/v2/",
        });
        await ContractAssert.MatchesAsync(Doc, badClient, "/oauth/token", HttpStatusCode.Unauthorized);

        using var badGrant = await http.PostAsJsonAsync("oauth/token", new Dictionary<string, string> { ["grant_type"] = "password-less-magic" });
        await ContractAssert.MatchesAsync(Doc, badGrant, "/oauth/token", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Signup_and_change_password_match_the_document()
    {
        using var http = _tenant.CreateClient();
        using var signup = await http.PostAsJsonAsync("dbconnections/signup", new Dictionary<string, string>
        {
            ["client_id"] = TenantFixture.PortalClientId,
            ["email"] = "new-contract@example.com",
            ["password"] = "Str0ng-Signup-Pass!",
            ["connection"] = TenantFixture.DatabaseConnection,
            ["given_name"] = "New",
        });
        // Auth0's signup reference example echoes the profile fields that were sent; the OpenAPI schema lists only three keys.
        await ContractAssert.MatchesAsync(Doc, signup, "/dbconnections/signup", HttpStatusCode.OK, "given_name", "family_name", "name", "nickname", "picture", "username");

        using var weak = await http.PostAsJsonAsync("dbconnections/signup", new Dictionary<string, string>
        {
            ["client_id"] = TenantFixture.PortalClientId,
            ["email"] = "weak-contract@example.com",
            ["password"] = "weak",
            ["connection"] = TenantFixture.DatabaseConnection,
        });
        // The document gives /dbconnections errors the OAuth shape; Auth0 answers them in its legacy shape
        // {name, code, description, statusCode} (facts A7, go-auth0 authentication_error_test.go), as the tenant does.
        await ContractAssert.MatchesAsync(Doc, weak, "/dbconnections/signup", HttpStatusCode.BadRequest, LegacyErrorShape, "name", "code", "description", "statusCode", "message", "policy");

        using var reset = await http.PostAsJsonAsync("dbconnections/change_password", new Dictionary<string, string>
        {
            ["client_id"] = TenantFixture.PortalClientId,
            ["email"] = "alice@example.com",
            ["connection"] = TenantFixture.DatabaseConnection,
        });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("We've just sent you an email to reset your password.", await reset.Content.ReadAsStringAsync());

        using var notDatabase = await http.PostAsJsonAsync("dbconnections/change_password", new Dictionary<string, string>
        {
            ["client_id"] = TenantFixture.PortalClientId,
            ["email"] = "alice@example.com",
            ["connection"] = "google-oauth2",
        });
        await ContractAssert.MatchesAsync(Doc, notDatabase, "/dbconnections/change_password", HttpStatusCode.BadRequest, LegacyErrorShape, "name", "code", "description", "statusCode");
    }
}
