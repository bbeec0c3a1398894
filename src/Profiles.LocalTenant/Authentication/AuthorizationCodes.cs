using System.Collections.Concurrent;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Authentication;

/// <summary>Issued authorization codes: single use, valid for 60 seconds (Auth0's code lifetime).</summary>
public sealed class AuthorizationCodes(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);

    public string Issue(AuthorizationRequest request, string userId, string sessionId, DateTimeOffset authTime, IReadOnlyList<string>? amr = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        foreach (var stale in _codes.Where(c => c.Value.ExpiresAt <= now))
        {
            _codes.TryRemove(stale.Key, out _);
        }

        var code = TenantIds.Token(24);
        _codes[code] = new AuthorizationCode(request.ClientId, request.RedirectUri, userId, sessionId, request.Scope, request.Nonce,
            request.CodeChallenge, request.CodeChallengeMethod, authTime, now + Lifetime, request.Audience, amr,
            amr is not null && request.StepUp ? AuthorizationRequest.MultiFactorPolicy : null);
        return code;
    }

    /// <summary>Takes a code out for good; null when unknown, already used or expired.</summary>
    public AuthorizationCode? Redeem(string code)
        => _codes.TryRemove(code, out var issued) && issued.ExpiresAt > time.GetUtcNow() ? issued : null;
}
