using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

public sealed class ManagementAuthTests(TenantFixture tenant) : IClassFixture<TenantFixture>
{
    private static readonly string AliceUrl = ManagementHttp.UserPath(TenantFixture.AliceId);

    [Fact]
    public async Task Missing_token_is_401_missing_authentication_without_an_error_code()
    {
        using var client = tenant.CreateClient();
        var response = await client.GetAsync(AliceUrl);
        var body = await response.ExpectObjectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("""{"statusCode":401,"error":"Unauthorized","message":"Missing authentication"}""", body.ToJsonString());
    }

    [Fact]
    public async Task Another_scheme_than_bearer_is_401_missing_authentication()
    {
        using var client = tenant.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "YTpi");
        var response = await client.GetAsync(AliceUrl);
        var body = await response.ExpectObjectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Missing authentication", body["message"]!.GetValue<string>());
        Assert.Null(body["errorCode"]);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("W3mBrhiXGsZZZZZZZpAz2bS6VzLhOyJ")]
    [InlineData("a.b")]
    public async Task A_bearer_that_is_not_a_jwt_is_400_bad_header_format(string token)
    {
        using var client = WithToken(token);
        var response = await client.GetAsync(AliceUrl);
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "Bearer", "Bad HTTP authentication header format");
    }

    [Fact]
    public async Task Token_signed_by_another_key_is_401_with_the_signature_message()
    {
        using var rsa = RSA.Create(2048);
        var urls = tenant.Tenant.Services.GetRequiredService<TenantUrls>();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = urls.Issuer,
            Audience = urls.ManagementAudience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["scope"] = "read:users", ["sub"] = "x@clients", ["azp"] = "x" },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = tenant.Tenant.Services.GetRequiredService<SigningKeys>().Kid }, SecurityAlgorithms.RsaSha256),
        });
        using var client = WithToken(token);
        var response = await client.GetAsync(AliceUrl);
        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized, "invalid_token", "Invalid signature received for JSON Web Token validation.");
    }

    [Fact]
    public async Task Token_for_another_audience_is_401()
    {
        var tokens = tenant.Tenant.Services.GetRequiredService<TokenService>();
        using var client = WithToken(tokens.CreateAccessToken(TenantFixture.AliceId, tenant.BaseUrl + "/userinfo", "read:users", TenantFixture.PortalClientId));
        var response = await client.GetAsync(AliceUrl);
        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized, "invalid_token", "Invalid token.");
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        var tokens = tenant.Tenant.Services.GetRequiredService<TokenService>();
        var urls = tenant.Tenant.Services.GetRequiredService<TenantUrls>();
        using var client = WithToken(tokens.CreateAccessToken("x@clients", urls.ManagementAudience, "read:users", TenantFixture.PortalClientId, lifetimeSeconds: -300));
        var response = await client.GetAsync(AliceUrl);
        await response.ExpectErrorAsync(HttpStatusCode.Unauthorized, "invalid_token", "Invalid token.");
    }

    [Theory]
    [InlineData("GET", "users/{alice}", "read:users,read:current_user,read:user_idp_tokens")]
    [InlineData("PATCH", "users/{alice}", "update:users,update:users_app_metadata,update:current_user_metadata")]
    [InlineData("DELETE", "users/{alice}", "delete:users,delete:current_user")]
    [InlineData("POST", "users", "create:users")]
    [InlineData("GET", "users-by-email?email=alice@example.com", "read:users")]
    [InlineData("POST", "users/{alice}/identities", "update:users,update:current_user_identities")]
    [InlineData("DELETE", "users/{alice}/identities/github/1", "update:users,update:current_user_identities")]
    [InlineData("POST", "jobs/verification-email", "update:users")]
    [InlineData("GET", "jobs/job_0000000000000000", "create:users,read:users")]
    [InlineData("POST", "tickets/password-change", "create:user_tickets")]
    [InlineData("POST", "tickets/email-verification", "create:user_tickets")]
    [InlineData("GET", "users/{alice}/sessions", "read:sessions")]
    [InlineData("DELETE", "users/{alice}/sessions", "delete:sessions")]
    [InlineData("GET", "grants?user_id={alice}", "read:grants")]
    [InlineData("DELETE", "grants/abc", "delete:grants")]
    [InlineData("DELETE", "grants?user_id={alice}", "delete:grants")]
    [InlineData("GET", "users", "read:users,read:user_idp_tokens")]
    [InlineData("GET", "user-blocks?identifier=alice@example.com", "read:users")]
    [InlineData("DELETE", "user-blocks?identifier=alice@example.com", "update:users")]
    [InlineData("GET", "user-blocks/{alice}", "read:users")]
    [InlineData("DELETE", "user-blocks/{alice}", "update:users")]
    public async Task Missing_scope_is_403_listing_the_accepted_scopes(string method, string path, string expected)
    {
        using var client = tenant.CreateManagementClient("read:logs");
        var url = "api/v2/" + path.Replace("{alice}", Uri.EscapeDataString(TenantFixture.AliceId), StringComparison.Ordinal);
        var response = await client.SendJsonAsync(new HttpMethod(method), url, method is "POST" or "PATCH" ? "{}" : null);
        await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_scope", "Insufficient scope, expected any of: " + expected);
    }

    [Fact]
    public async Task Current_user_scope_reaches_only_the_token_subject()
    {
        var tokens = tenant.Tenant.Services.GetRequiredService<TokenService>();
        var urls = tenant.Tenant.Services.GetRequiredService<TenantUrls>();
        using var client = WithToken(tokens.CreateAccessToken(TenantFixture.AliceId, urls.ManagementAudience, "read:current_user", TenantFixture.PortalClientId));

        var own = await client.GetAsync(AliceUrl);
        var other = await client.GetAsync(ManagementHttp.UserPath(TenantFixture.BobId));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await other.ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task Unknown_management_route_is_404_in_auth0_error_shape()
    {
        using var client = tenant.CreateManagementClient();
        var response = await client.GetAsync("api/v2/no-such-resource");
        var body = await response.ExpectObjectAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, body["statusCode"]!.GetValue<int>());
        Assert.Equal("Not Found", body["error"]!.GetValue<string>());
    }

    private HttpClient WithToken(string token)
    {
        var client = tenant.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
