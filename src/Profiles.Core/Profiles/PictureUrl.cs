namespace Profiles.Core.Profiles;

/// <summary>
/// The one rule for a profile picture URL, applied to what the user types in the editor and to what Auth0 stores (another
/// application may have set anything there): an absolute <c>https:</c> URL of at most <see cref="MaxLength"/> characters without
/// credentials; a <c>data:image/…;base64</c> image only when the operator allows it
/// (<see cref="ProfileOptions.AllowDataImagePictures"/>). Anything else (<c>javascript:</c>, <c>http:</c>, <c>file:</c>,
/// other <c>data:</c>) never reaches <c>&lt;img src&gt;</c>.
/// </summary>
public static class PictureUrl
{
    /// <summary>Longest accepted https URL.</summary>
    public const int MaxLength = 2000;

    /// <summary>Longest accepted <c>data:</c> image (Auth0's whole profile is limited to a few KB anyway).</summary>
    public const int MaxDataLength = 8192;

    private static readonly string[] DataImagePrefixes =
        ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,", "data:image/webp;base64,"];

    public static bool IsAllowed(string? value, bool allowDataImages)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return allowDataImages && IsDataImage(value);
        }

        return value.Length <= MaxLength
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && uri.Host.Length > 0
            && string.IsNullOrEmpty(uri.UserInfo)
            && !value.Any(char.IsControl);
    }

    private static bool IsDataImage(string value)
    {
        var prefix = Array.Find(DataImagePrefixes, p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is null || value.Length > MaxDataLength || value.Length == prefix.Length)
        {
            return false;
        }

        var payload = value.AsSpan(prefix.Length);
        foreach (var c in payload)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '/' and not '=')
            {
                return false;
            }
        }

        return true;
    }
}
