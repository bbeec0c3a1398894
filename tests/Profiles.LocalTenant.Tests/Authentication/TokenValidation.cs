using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>Validates tenant tokens the way a relying party does: keys from the published JWKS, issuer with a trailing slash.</summary>
internal static class TokenValidation
{
    public static async Task<JsonWebToken> ValidateIdTokenAsync(TenantFixture fixture, string idToken, string audience = TenantFixture.PortalClientId)
    {
        using var http = fixture.CreateClient();
        var jwks = new JsonWebKeySet(await http.GetStringAsync(".well-known/jwks.json"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = fixture.BaseUrl + "/",
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
