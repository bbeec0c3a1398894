using System.Security.Cryptography;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Mfa;

/// <summary>Recovery codes in Auth0's shape: 24 upper-case letters and digits (e.g. <c>32YCGV1JUE9G7MDJ71UTN12W</c>), stored as a hash.</summary>
public static class RecoveryCodes
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 24);

    /// <summary>The stored form: hash of the code with spaces and dashes removed and letters upper-cased.</summary>
    public static string Hash(string code) => TenantIds.Hash(Normalise(code));

    public static bool Matches(TenantAuthenticationMethod method, string? code)
    {
        ArgumentNullException.ThrowIfNull(method);
        return code is not null && method.RecoveryCodeHash is not null
            && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(method.RecoveryCodeHash), Convert.FromHexString(Hash(code)));
    }

    private static string Normalise(string code)
        => new([.. code.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant)]);
}
