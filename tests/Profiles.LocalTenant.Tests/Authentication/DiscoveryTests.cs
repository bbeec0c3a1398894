using System.Text.Json;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

public sealed class DiscoveryTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private static readonly string[] NotImplementedEndpoints =
        ["device_authorization_endpoint", "mfa_challenge_endpoint", "registration_endpoint", "revocation_endpoint"];

    private static readonly string[] NarrowedLists = ["response_types_supported", "response_modes_supported"];

    [Fact]
    public async Task The_configuration_has_the_shape_of_auth0s()
    {
        using var http = fixture.CreateClient();
        var config = JsonDocument.Parse(await http.GetStringAsync(".well-known/openid-configuration")).RootElement;
        var recorded = JsonDocument.Parse(RecordedDiscovery.Json).RootElement;
        var b = fixture.BaseUrl;

        Assert.Equal(b + "/", config.GetProperty("issuer").GetString());
        Assert.Equal(b + "/authorize", config.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(b + "/oauth/token", config.GetProperty("token_endpoint").GetString());
        Assert.Equal(b + "/userinfo", config.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(b + "/.well-known/jwks.json", config.GetProperty("jwks_uri").GetString());
        Assert.Equal(b + "/oidc/logout", config.GetProperty("end_session_endpoint").GetString());
        Assert.False(config.GetProperty("request_uri_parameter_supported").GetBoolean());

        foreach (var property in recorded.EnumerateObject())
        {
            if (NotImplementedEndpoints.Contains(property.Name))
            {
                Assert.False(config.TryGetProperty(property.Name, out _), property.Name);
                continue;
            }

            Assert.True(config.TryGetProperty(property.Name, out var ours), property.Name);
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                var theirs = property.Value.EnumerateArray().Select(v => v.GetString()).ToList();
                var mine = ours.EnumerateArray().Select(v => v.GetString()).ToList();
                if (NarrowedLists.Contains(property.Name))
                {
                    Assert.All(mine, v => Assert.Contains(v, theirs));
                }
                else
                {
                    Assert.Equal(theirs, mine);
                }
            }
        }
    }

    [Fact]
    public async Task The_jwks_publishes_the_rsa_signing_key()
    {
        using var http = fixture.CreateClient();
        var key = Assert.Single(JsonDocument.Parse(await http.GetStringAsync(".well-known/jwks.json")).RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.True(key.GetProperty("n").GetString()!.Length > 300);
        Assert.False(key.TryGetProperty("d", out _));
    }
}
