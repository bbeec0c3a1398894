using System.Security.Cryptography;

namespace Profiles.LocalTenant.Data;

/// <summary>Identifiers in Auth0's shapes.</summary>
public static class TenantIds
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>24 hex characters, like a Mongo ObjectId (database user ids).</summary>
    public static string ObjectId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary><paramref name="prefix"/> followed by <paramref name="length"/> random alphanumerics, e.g. <c>job_</c>, <c>con_</c>.</summary>
    public static string Prefixed(string prefix, int length = 16) => prefix + RandomNumberGenerator.GetString(Alphanumerics, length);

    /// <summary>An unguessable URL-safe token (codes, tickets, session ids).</summary>
    public static string Token(int bytes = 24) => Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    public static string Base64UrlEncode(ReadOnlySpan<byte> bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256 of a token, for storing tokens by hash.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
