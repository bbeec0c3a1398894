using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Profiles.Core.Data;

namespace Profiles.Core.Security;

/// <summary>
/// The pseudonymous key the portal database files a user's records under (security events, cooldowns, pending changes): an
/// HMAC of the Auth0 user id with a random key the portal generates once and keeps in its own database. Unlike the log key
/// (derived from the Management secret, which the embedded tenant renews at every start) it survives restarts and secret
/// rotation, and every instance sharing the database agrees on it.
/// </summary>
public sealed class PortalUserKeys(IDbContextFactory<PortalDbContext> factory) : IDisposable
{
    internal const string SecretName = "user-key";
    private readonly PortalSecret _secret = new(factory, SecretName);

    /// <summary><c>k_</c> followed by 32 hex characters; the same user id always gives the same key.</summary>
    public async Task<string> ForAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var key = await _secret.GetAsync(cancellationToken);
        return "k_" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(userId)).AsSpan(0, 16));
    }

    public void Dispose() => _secret.Dispose();
}
