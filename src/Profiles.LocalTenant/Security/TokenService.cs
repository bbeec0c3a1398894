using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Profiles.LocalTenant.Hosting;

namespace Profiles.LocalTenant.Security;

/// <summary>Issues and validates the tenant's RS256 tokens.</summary>
public sealed class TokenService(SigningKeys keys, TenantUrls urls, TimeProvider time, IOptions<LocalTenantOptions> options)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>An ID token with Auth0's claims; <paramref name="claims"/> are the profile claims allowed by scope.</summary>
    public string CreateIdToken(string clientId, string subject, IDictionary<string, object> claims, string? nonce, string sessionId,
        DateTimeOffset authTime, string? accessToken, IReadOnlyList<string>? amr = null, string? acr = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var now = time.GetUtcNow();
        var payload = new Dictionary<string, object>(claims)
        {
            ["iss"] = urls.Issuer,
            ["sub"] = subject,
            ["aud"] = clientId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddSeconds(options.Value.IdTokenLifetimeSeconds).ToUnixTimeSeconds(),
            ["auth_time"] = authTime.ToUnixTimeSeconds(),
            ["sid"] = sessionId,
        };
        if (nonce is not null)
        {
            payload["nonce"] = nonce;
        }

        if (accessToken is not null)
        {
            payload["at_hash"] = AtHash(accessToken);
        }

        if (amr is { Count: > 0 })
        {
            payload["amr"] = amr.ToArray();
        }

        if (acr is not null)
        {
            payload["acr"] = acr;
        }

        return Create(payload, "JWT");
    }

    /// <summary>An access token for <paramref name="audience"/> with a space-separated <c>scope</c> claim. With
    /// <paramref name="alsoFor"/> (an API token asked for with <c>openid</c>), <c>aud</c> is an array, as Auth0 sends it.</summary>
    public string CreateAccessToken(string subject, string audience, string scope, string clientId, int? lifetimeSeconds = null, string? alsoFor = null)
    {
        var now = time.GetUtcNow();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = urls.Issuer,
            ["sub"] = subject,
            ["aud"] = alsoFor is null ? audience : new[] { audience, alsoFor },
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddSeconds(lifetimeSeconds ?? options.Value.AccessTokenLifetimeSeconds).ToUnixTimeSeconds(),
            ["azp"] = clientId,
            ["scope"] = scope,
        };
        if (subject.EndsWith("@clients", StringComparison.Ordinal))
        {
            payload["gty"] = "client-credentials";
        }

        return Create(payload, "at+jwt");
    }

    /// <summary>Validates a token this tenant issued for <paramref name="audience"/>; null when invalid.</summary>
    public async Task<ClaimsIdentity?> ValidateAsync(string token, string audience)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = urls.Issuer,
            ValidAudience = audience,
            IssuerSigningKey = keys.SecurityKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromSeconds(60),
            LifetimeValidator = (notBefore, expires, _, _) => expires is null || expires.Value > time.GetUtcNow().UtcDateTime.AddSeconds(-60),
        }).ConfigureAwait(false);
        return result.IsValid ? result.ClaimsIdentity : null;
    }

    /// <summary>Validates an ID token this tenant issued (for <c>link_with</c> and <c>id_token_hint</c>).</summary>
    public async Task<JsonWebToken?> ValidateIdTokenAsync(string token, string? clientId, bool validateLifetime = true)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = urls.Issuer,
            ValidateAudience = clientId is not null,
            ValidAudience = clientId,
            IssuerSigningKey = keys.SecurityKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = validateLifetime,
            LifetimeValidator = (notBefore, expires, _, _) => expires is null || expires.Value > time.GetUtcNow().UtcDateTime.AddSeconds(-60),
        }).ConfigureAwait(false);
        return result.IsValid ? (JsonWebToken)result.SecurityToken : null;
    }

    /// <summary>OIDC <c>at_hash</c>: left half of SHA-256 of the access token, base64url.</summary>
    public static string AtHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Data.TenantIds.Base64UrlEncode(hash.AsSpan(0, hash.Length / 2));
    }

    private string Create(Dictionary<string, object> payload, string type)
        => _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = payload,
            SigningCredentials = keys.Credentials,
            TokenType = type,
        });
}
