using System.Collections.Frozen;

namespace Profiles.Core.Authenticators;

/// <summary>Names of well-known passkey providers and security keys by AAGUID, so the page can say "iCloud Keychain"
/// rather than a number. Operators add their own through <see cref="AuthenticatorsOptions.KnownAuthenticators"/>.</summary>
public sealed class KnownAuthenticators
{
    private static readonly FrozenDictionary<string, string> WellKnown = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4"] = "Google Password Manager",
        ["adce0002-35bc-c60a-648b-0b25f1f05503"] = "Chrome on Mac",
        ["fbfc3007-154e-4ecc-8c0b-6e020557d7bd"] = "iCloud Keychain",
        ["dd4ec289-e01d-41c9-bb89-70fa845d4bf2"] = "iCloud Keychain (Managed)",
        ["08987058-cadc-4b81-b6e1-30de50dcbe96"] = "Windows Hello",
        ["9ddd1817-af5a-4672-a2b9-3e3dd95000a9"] = "Windows Hello",
        ["6028b017-b1d4-4c02-b4b3-afcdafc96bb2"] = "Windows Hello",
        ["bada5566-a7aa-401f-bd96-45619a55120d"] = "1Password",
        ["d548826e-79b4-db40-a3d8-11116f7e8349"] = "Bitwarden",
        ["531126d6-e717-415c-9320-3d9aa6981239"] = "Dashlane",
        ["cb69481e-8ff7-4039-93ec-0a2729a154a8"] = "YubiKey 5",
        ["ee882879-721c-4913-9775-3dfcce97072a"] = "YubiKey 5 NFC",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string> _names;

    public KnownAuthenticators(Microsoft.Extensions.Options.IOptions<AuthenticatorsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _names = new Dictionary<string, string>(WellKnown, StringComparer.OrdinalIgnoreCase);
        foreach (var (aaguid, name) in options.Value.KnownAuthenticators)
        {
            if (!string.IsNullOrWhiteSpace(name))
            {
                _names[aaguid.Trim()] = name.Trim();
            }
        }
    }

    /// <summary>The name for an AAGUID; null when unknown, absent or all zeros (an authenticator that does not say).</summary>
    public string? NameOf(string? aaguid) =>
        aaguid is { Length: > 0 } && _names.TryGetValue(aaguid.Trim(), out var name) ? name : null;
}
