using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

public sealed class ClientCredentialsTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private string Audience => fixture.BaseUrl + "/api/v2/";

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> PostAsync(HttpContent content, AuthenticationHeaderValue? auth = null)
    {
        using var http = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = content };
        request.Headers.Authorization = auth;
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(),
            response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Client_secret_post_returns_a_management_token_with_the_granted_scopes()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["audience"] = Audience,
        });
        var (status, body, contentType) = await PostAsync(form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", contentType);
        Assert.Equal(string.Join(' ', TenantFixture.AllManagementScopes), body.GetProperty("scope").GetString());
        Assert.Equal(86400, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());

        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal(TenantFixture.PortalClientId + "@clients", token.Subject);
        Assert.Equal(Audience, Assert.Single(token.Audiences));
        Assert.Equal(string.Join(' ', TenantFixture.AllManagementScopes), token.GetClaim("scope").Value);
        Assert.Equal("client-credentials", token.GetClaim("gty").Value);
        Assert.Equal(fixture.BaseUrl + "/", token.Issuer);
    }

    [Fact]
    public async Task Client_secret_basic_with_a_json_body_can_narrow_the_scope()
    {
        using var json = new StringContent(JsonSerializer.Serialize(new { grant_type = "client_credentials", audience = Audience, scope = "read:users update:users" }),
            Encoding.UTF8, "application/json");
        var basic = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(TenantFixture.PortalClientId + ":" + TenantFixture.PortalClientSecret)));
        var (status, body, _) = await PostAsync(json, basic);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("read:users update:users", body.GetProperty("scope").GetString());
    }

    [Theory]
    [InlineData("https://elsewhere.example/api/", "Service not enabled within domain: https://elsewhere.example/api/")]
    [InlineData(null, "Client has not been granted scopes: create:clients")]
    public async Task Wrong_audience_or_ungranted_scope_is_access_denied(string? audience, string description)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["audience"] = audience ?? Audience,
        };
        if (audience is null)
        {
            fields["scope"] = "read:users create:clients";
        }

        using var form = new FormUrlEncodedContent(fields);
        var (status, body, _) = await PostAsync(form);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("access_denied", body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_client_without_management_scopes_is_refused()
    {
        await using var tenant = await TenantFixture.StartAsync(o => o.AdditionalClients.Add(new TenantClient
        {
            ClientId = "no-scopes",
            ClientSecret = "no-scopes-secret",
        }));
        using var http = tenant.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "no-scopes",
            ["client_secret"] = "no-scopes-secret",
            ["audience"] = tenant.BaseUrl + "/api/v2/",
        });
        using var response = await http.PostAsync("oauth/token", form);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Client has not been granted scopes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client_credentials", "wrong-secret", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("password", TenantFixture.PortalClientSecret, HttpStatusCode.BadRequest, "unsupported_grant_type")]
    public async Task Bad_clients_and_unknown_grants_are_refused(string grantType, string secret, HttpStatusCode expected, string error)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = secret,
            ["audience"] = Audience,
        });
        var (status, body, _) = await PostAsync(form);
        Assert.Equal(expected, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }
}
