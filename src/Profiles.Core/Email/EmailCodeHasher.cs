using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;
using Profiles.Core.Security;

namespace Profiles.Core.Email;

/// <summary>Makes one-time codes and their keyed hashes. The key is random, created once and kept in the portal database
/// (so pending codes survive restarts and every instance agrees); the hash binds the code to the user and the new address.</summary>
public sealed class EmailCodeHasher(IDbContextFactory<PortalDbContext> factory) : IDisposable
{
    internal const string SecretName = "email-change-code";
    private readonly PortalSecret _secret = new(factory, SecretName);

    /// <summary>A uniformly random code of <paramref name="length"/> digits (leading zeros kept).</summary>
    public static string NewCode(int length)
    {
        var max = (int)Math.Pow(10, length);
        return RandomNumberGenerator.GetInt32(max).ToString(CultureInfo.InvariantCulture).PadLeft(length, '0');
    }

    public async Task<string> HashAsync(string userKey, string newEmail, string code, CancellationToken cancellationToken)
    {
        var key = await _secret.GetAsync(cancellationToken);
        var input = Encoding.UTF8.GetBytes(userKey + "\n" + newEmail + "\n" + code);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, input));
    }

    /// <summary>Compares in constant time, so the answer's timing says nothing about how much of the code was right.</summary>
    public async Task<bool> MatchesAsync(string userKey, string newEmail, string code, string storedHash, CancellationToken cancellationToken)
    {
        var hash = await HashAsync(userKey, newEmail, code, cancellationToken);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(storedHash));
    }

    public void Dispose() => _secret.Dispose();
}
