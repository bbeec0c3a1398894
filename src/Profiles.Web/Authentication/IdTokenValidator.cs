using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Profiles.Core.Settings;

namespace Profiles.Web.Authentication;

/// <summary>
/// Validates Auth0 ID tokens: RS256 signature from the tenant's JWKS (cached, refreshed once on an unknown <c>kid</c>),
/// issuer with trailing slash, audience = client id, lifetime with 60 s skew, nonce, and <c>auth_time</c> (never in the future; recent when a
/// re-authentication challenge sent <c>max_age</c>).
/// </summary>
public sealed partial class IdTokenValidator(
    IConfigurationManager<OpenIdConnectConfiguration> configurationManager,
    IOptions<Auth0Options> options,
    TimeProvider timeProvider,
    ILogger<IdTokenValidator> logger)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Returns the validated token's claims, or throws <see cref="IdTokenRejectedException"/>.</summary>
    /// <param name="maxAge">The <c>max_age</c> sent with a re-authentication challenge: <c>auth_time</c> must then be present and recent.</param>
    public async Task<IReadOnlyList<Claim>> ValidateAsync(string? idToken, string? expectedNonce, TimeSpan? maxAge, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(idToken))
        {
            throw new IdTokenRejectedException("The token response carried no id_token.");
        }

        var configuration = await configurationManager.GetConfigurationAsync(cancellationToken);
        var result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Auth0 rotates signing keys: fetch the JWKS again, once, before refusing.
            LogSigningKeyNotFound(logger);
            configurationManager.RequestRefresh();
            configuration = await configurationManager.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration));
        }

        if (!result.IsValid)
        {
            LogRejected(logger, result.Exception?.GetType().Name ?? "unknown");
            throw new IdTokenRejectedException("The ID token is not valid.", result.Exception!);
        }

        CheckRequiredClaims(result.Claims);
        CheckAuthorizedParty((JsonWebToken)result.SecurityToken);
        CheckNonce(result.Claims, expectedNonce);
        CheckAuthTime(result.Claims, maxAge);
        return result.ClaimsIdentity.Claims.ToList();
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration)
    {
        var settings = options.Value;
        return new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            // The handler's own lifetime check reads the system clock; this one honours the injected TimeProvider.
            LifetimeValidator = IsWithinLifetime,
            NameClaimType = PortalClaimTypes.Name,
        };
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + ClockSkew &&
               (notBefore is not { } nbf || nbf.ToUniversalTime() <= now + ClockSkew);
    }

    private static void CheckRequiredClaims(IDictionary<string, object> claims)
    {
        // As Auth0's own SDK validators: sub and iat must be present (iss, aud and exp are checked by the handler).
        if (!claims.TryGetValue(PortalClaimTypes.Subject, out var sub) || sub is not string subject || subject.Length == 0 ||
            !claims.ContainsKey("iat"))
        {
            throw new IdTokenRejectedException("The ID token lacks sub or iat.");
        }
    }

    private void CheckAuthorizedParty(JsonWebToken token)
    {
        // With several audiences azp is required, and whenever present it must name this client (OIDC Core 3.1.3.7;
        // Auth0's SDKs reject any other azp).
        var hasParty = token.TryGetPayloadValue<string>("azp", out var party);
        if (token.Audiences.Skip(1).Any() && !hasParty)
        {
            throw new IdTokenRejectedException("The ID token has several audiences and no azp.");
        }

        if (hasParty && party != options.Value.ClientId)
        {
            throw new IdTokenRejectedException("The ID token's azp does not name this client.");
        }
    }

    private static void CheckNonce(IDictionary<string, object> claims, string? expectedNonce)
    {
        if (string.IsNullOrEmpty(expectedNonce) ||
            !claims.TryGetValue("nonce", out var value) ||
            value is not string nonce ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(expectedNonce)))
        {
            throw new IdTokenRejectedException("The ID token's nonce does not match the one sent with the sign-in request.");
        }
    }

    private void CheckAuthTime(IDictionary<string, object> claims, TimeSpan? maxAge)
    {
        if (!claims.TryGetValue(PortalClaimTypes.AuthTime, out var value))
        {
            if (maxAge is not null)
            {
                throw new IdTokenRejectedException("A fresh sign-in was asked for but the ID token has no auth_time.");
            }

            return;
        }

        if (!long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new IdTokenRejectedException("The ID token's auth_time is not a number.");
        }

        var authTime = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var now = timeProvider.GetUtcNow();
        if (authTime > now + ClockSkew)
        {
            throw new IdTokenRejectedException("The ID token's auth_time is in the future.");
        }

        if (maxAge is { } limit && authTime + limit + ClockSkew < now)
        {
            throw new IdTokenRejectedException("A fresh sign-in was asked for but the ID token's auth_time is too old.");
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "ID token signing key not found; refreshing the JWKS once")]
    private static partial void LogSigningKeyNotFound(ILogger logger);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "ID token rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
