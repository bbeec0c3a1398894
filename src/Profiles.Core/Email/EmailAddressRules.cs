using System.Globalization;
using System.Net.Mail;

namespace Profiles.Core.Email;

/// <summary>What the portal accepts as a new email address, and how it shows one to somebody else.</summary>
public static class EmailAddressRules
{
    /// <summary>RFC 5321's limit for a forward path; Auth0 stores at most this much.</summary>
    public const int MaxLength = 254;

    private const int MaxLocalPartLength = 64;

    /// <summary>The address trimmed and in lower case (Auth0 database connections store emails in lower case), or null when
    /// it is not a plain <c>local@domain.tld</c> address.</summary>
    public static string? Normalize(string? input)
    {
        var candidate = input?.Trim();
        if (string.IsNullOrEmpty(candidate) || candidate.Length > MaxLength || candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        var at = candidate.LastIndexOf('@');
        if (at <= 0 || at > MaxLocalPartLength || at == candidate.Length - 1 || candidate.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return null;
        }

        var domain = candidate[(at + 1)..];
        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || l.StartsWith('-') || l.EndsWith('-') || !l.All(c => char.IsLetterOrDigit(c) || c == '-')))
        {
            return null;
        }

        // MailAddress also accepts display names and comments; only a bare address that it reads back unchanged passes.
        if (!MailAddress.TryCreate(candidate, out var parsed) || !string.Equals(parsed.Address, candidate, StringComparison.Ordinal))
        {
            return null;
        }

        return candidate.ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>The address with most of its local part hidden (<c>n•••@example.com</c>), for notices to another mailbox.</summary>
    public static string Mask(string email)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        var at = email.LastIndexOf('@');
        return at <= 0 ? "•••" : email[0] + "•••" + email[at..];
    }
}
