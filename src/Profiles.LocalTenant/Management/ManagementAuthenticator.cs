using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Management;

/// <summary>Validates Management API bearer tokens: this tenant's RS256 signature, issuer, lifetime and the
/// <c>{base}/api/v2/</c> audience.</summary>
public sealed class ManagementAuthenticator(TokenService tokens, TenantUrls urls, SigningKeys keys)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>The caller, or the 401 (400 for a malformed header) to answer with.</summary>
    public async Task<(ManagementCaller? Caller, IResult? Failure)> AuthenticateAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString().Trim();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        if (!string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ManagementErrors.MissingAuthentication());
        }

        // The bearer scheme with anything but one JWT (three dot-separated parts) is a malformed header to Auth0.
        var token = space < 0 ? "" : header[(space + 1)..].Trim();
        if (token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) || token.Split('.').Length != 3)
        {
            return (null, ManagementErrors.BadHeaderFormat());
        }

        var identity = await tokens.ValidateAsync(token, urls.ManagementAudience).ConfigureAwait(false);
        if (identity is null)
        {
            var badSignature = await HasBadSignatureAsync(token).ConfigureAwait(false);
            return (null, ManagementErrors.Unauthorized(badSignature ? ManagementErrors.InvalidSignatureMessage : ManagementErrors.InvalidTokenMessage));
        }

        var scopes = (identity.FindFirst("scope")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var subject = identity.FindFirst("sub")?.Value ?? "";
        return (new ManagementCaller(subject, identity.FindFirst("azp")?.Value, scopes), null);
    }

    // Auth0 words a signature failure differently from every other token problem; only the signature is checked here.
    private async Task<bool> HasBadSignatureAsync(string token)
    {
        if (!_handler.CanReadToken(token))
        {
            return false;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            IssuerSigningKey = keys.SecurityKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        }).ConfigureAwait(false);
        return result.Exception is SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException;
    }
}
