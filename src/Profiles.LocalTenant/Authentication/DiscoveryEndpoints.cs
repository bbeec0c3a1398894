using System.Text.Json.Nodes;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Authentication;

/// <summary><c>/.well-known/openid-configuration</c> and <c>/.well-known/jwks.json</c>.</summary>
public static class DiscoveryEndpoints
{
    public static IResult Configuration(TenantUrls urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var b = urls.BaseUrl;
        // Only what the local tenant implements is advertised (no device flow, MFA, registration or revocation endpoints).
        return Results.Json(new JsonObject
        {
            ["issuer"] = urls.Issuer,
            ["authorization_endpoint"] = b + "/authorize",
            ["token_endpoint"] = b + "/oauth/token",
            ["userinfo_endpoint"] = b + "/userinfo",
            ["jwks_uri"] = b + "/.well-known/jwks.json",
            ["end_session_endpoint"] = b + "/oidc/logout",
            ["scopes_supported"] = Array("openid", "profile", "offline_access", "name", "given_name", "family_name", "nickname", "email",
                "email_verified", "picture", "created_at", "identities", "phone", "address"),
            ["response_types_supported"] = Array("code"),
            ["code_challenge_methods_supported"] = Array("S256", "plain"),
            ["response_modes_supported"] = Array("query"),
            ["subject_types_supported"] = Array("public"),
            ["id_token_signing_alg_values_supported"] = Array("HS256", "RS256"),
            ["token_endpoint_auth_methods_supported"] = Array("client_secret_basic", "client_secret_post"),
            ["claims_supported"] = Array("aud", "auth_time", "created_at", "email", "email_verified", "exp", "family_name", "given_name", "iat",
                "identities", "iss", "name", "nickname", "phone_number", "picture", "sub"),
            ["request_uri_parameter_supported"] = false,
        });
    }

    public static IResult Jwks(SigningKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var jwk = new JsonObject();
        foreach (var (name, value) in keys.PublicJwk())
        {
            jwk[name] = value.ToString();
        }

        return Results.Json(new JsonObject { ["keys"] = new JsonArray(jwk) });
    }

    private static JsonArray Array(params string[] values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
