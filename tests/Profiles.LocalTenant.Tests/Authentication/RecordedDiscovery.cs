namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>
/// Auth0's discovery document as the ASP.NET Core SDK's integration tests record it (file aspnetcore_wellknownconfig.json
/// in auth0/auth0-aspnetcore-authentication @ 81cca7b0), kept inline.
/// </summary>
internal static class RecordedDiscovery
{
    public const string Json = """
        {
          "issuer": "https://tenant.eu.auth0.com/",
          "authorization_endpoint": "https://tenant.eu.auth0.com/authorize",
          "token_endpoint": "https://tenant.eu.auth0.com/oauth/token",
          "device_authorization_endpoint": "https://tenant.eu.auth0.com/oauth/device/code",
          "userinfo_endpoint": "https://tenant.eu.auth0.com/userinfo",
          "mfa_challenge_endpoint": "https://tenant.eu.auth0.com/mfa/challenge",
          "jwks_uri": "https://tenant.eu.auth0.com/.well-known/jwks.json",
          "registration_endpoint": "https://tenant.eu.auth0.com/oidc/register",
          "revocation_endpoint": "https://tenant.eu.auth0.com/oauth/revoke",
          "scopes_supported": [
            "openid",
            "profile",
            "offline_access",
            "name",
            "given_name",
            "family_name",
            "nickname",
            "email",
            "email_verified",
            "picture",
            "created_at",
            "identities",
            "phone",
            "address"
          ],
          "response_types_supported": [
            "code",
            "token",
            "id_token",
            "code token",
            "code id_token",
            "token id_token",
            "code token id_token"
          ],
          "code_challenge_methods_supported": [ "S256", "plain" ],
          "response_modes_supported": [ "query", "fragment", "form_post" ],
          "subject_types_supported": [ "public" ],
          "id_token_signing_alg_values_supported": [ "HS256", "RS256" ],
          "token_endpoint_auth_methods_supported": [
            "client_secret_basic",
            "client_secret_post"
          ],
          "claims_supported": [
            "aud",
            "auth_time",
            "created_at",
            "email",
            "email_verified",
            "exp",
            "family_name",
            "given_name",
            "iat",
            "identities",
            "iss",
            "name",
            "nickname",
            "phone_number",
            "picture",
            "sub"
          ],
          "request_uri_parameter_supported": false
        }
        """;
}
