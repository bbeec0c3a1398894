using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Profiles.Core.Data;

/// <summary>Cancel-link tokens: 256 random bits, stored only as a SHA-256 hash. With that much entropy an unkeyed hash is
/// enough: the table alone never lets anyone rebuild a working link.</summary>
public static class CancelTokens
{
    public static string Create() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>True when <paramref name="token"/> has the shape of a token the portal issued (43 base64url characters).</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
