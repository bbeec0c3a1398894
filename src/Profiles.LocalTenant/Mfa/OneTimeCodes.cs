using System.Security.Cryptography;
using Profiles.LocalTenant.Outbox;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Mfa;

/// <summary>Six-digit codes for email and SMS factors; the tenant "sends" them to its outbox.</summary>
public static class OneTimeCodes
{
    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"Sends" <paramref name="code"/> to an email address or phone number: a message in the outbox, in the page's language.</summary>
    public static void Send(OutboxService outbox, string to, string code, string kind, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        outbox.Send(to, T("Email.Code.Subject"), T("Email.Code.Body", code, (int)lifetime.TotalMinutes), kind);
    }

    public static bool Matches(string? expected, string? entered)
        => expected is not null && entered is not null && entered.Trim().Length == expected.Length
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(entered.Trim()));
}
