using System.Security.Cryptography;

namespace Profiles.LocalTenant.Mfa;

/// <summary>Six-digit codes for email and SMS factors; the tenant "sends" them to its outbox.</summary>
public static class OneTimeCodes
{
    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static bool Matches(string? expected, string? entered)
        => expected is not null && entered is not null && entered.Trim().Length == expected.Length
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(entered.Trim()));
}
