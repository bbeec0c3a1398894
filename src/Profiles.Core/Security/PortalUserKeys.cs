using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;

namespace Profiles.Core.Security;

/// <summary>
/// The pseudonymous key the portal database files a user's records under (security events, cooldowns, pending changes): an
/// HMAC of the Auth0 user id with a random key the portal generates once and keeps in its own database. Unlike the log key
/// (derived from the Management secret, which the embedded tenant renews at every start) it survives restarts and secret
/// rotation, and every instance sharing the database agrees on it. Computed once per user, then remembered: several checks
/// of every signed-in request ask for it.
/// </summary>
public sealed class PortalUserKeys(IDbContextFactory<PortalDbContext> factory) : IDisposable
{
    internal const string SecretName = "user-key";
    private readonly PortalSecret _secret = new(factory, SecretName);
    private readonly UserKeyMemo _memo = new();

    /// <summary><c>k_</c> followed by 32 hex characters; the same user id always gives the same key.</summary>
    public async Task<string> ForAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (_memo.TryGet(userId, out var known))
        {
            return known;
        }

        var key = await _secret.GetAsync(cancellationToken);
        return _memo.Remember(userId, "k_" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(userId)).AsSpan(0, 16)));
    }

    /// <summary>How many users' keys are remembered (bounded by <see cref="UserKeyMemo.Capacity"/>).</summary>
    internal int Remembered => _memo.Count;

    public void Dispose() => _secret.Dispose();
}
