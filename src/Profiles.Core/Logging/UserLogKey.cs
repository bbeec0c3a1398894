using System.Security.Cryptography;
using System.Text;
using Profiles.Core.Security;

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

    // Request-scoped services build a UserLogKey per request from the same secret: the derived key and the keys already
    // computed are shared by every instance made from that secret, so a page view computes no HMAC for a known user.
    private static DerivedKey? _lastDerived;

    private readonly DerivedKey _derived;

    public UserLogKey(string? secret)
    {
        var derived = Volatile.Read(ref _lastDerived);
        if (derived is null || !string.Equals(derived.Secret, secret ?? "", StringComparison.Ordinal))
        {
            derived = new DerivedKey(secret ?? "");
            Volatile.Write(ref _lastDerived, derived);
        }

        _derived = derived;
    }

    /// <summary><c>u_</c> followed by 16 hex characters; the same id always gives the same key.</summary>
    public string For(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return _derived.Memo.TryGet(userId, out var known)
            ? known
            : _derived.Memo.Remember(userId, "u_" + Convert.ToHexStringLower(HMACSHA256.HashData(_derived.Key, Encoding.UTF8.GetBytes(userId)).AsSpan(0, 8)));
    }

    private sealed class DerivedKey(string secret)
    {
        public string Secret { get; } = secret;

        public byte[] Key { get; } = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Purpose);

        public UserKeyMemo Memo { get; } = new();
    }
}
