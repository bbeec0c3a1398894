using System.Security.Cryptography;
using System.Text;

namespace Profiles.Core.Logging;

/// <summary>
/// The pseudonymous key logs use instead of an Auth0 user id: some ids carry an email or a username
/// (<c>samlp|corp|alice@example.com</c>), and logs must hold no personal data. A keyed hash, not a plain one, so nobody
/// can recompute it from a guessed id; keyed with a secret derived from the portal's Management client secret, so every
/// instance agrees and nothing new must be configured. Rotating that secret changes the keys from then on.
/// </summary>
public sealed class UserLogKey
{
    private static readonly byte[] Purpose = "profiles:user-log-key:v1"u8.ToArray();
    private readonly byte[] _key;

    public UserLogKey(string? secret) => _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? ""), Purpose);

    /// <summary><c>u_</c> followed by 16 hex characters; the same id always gives the same key.</summary>
    public string For(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return "u_" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId)).AsSpan(0, 8));
    }
}
