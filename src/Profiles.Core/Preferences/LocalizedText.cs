using System.Globalization;

namespace Profiles.Core.Preferences;

/// <summary>Picks the text for a culture from operator-declared <c>{language: text}</c> maps.</summary>
public static class LocalizedText
{
    /// <summary>The language used when the user's culture has no text.</summary>
    public const string FallbackLanguage = "en";

    /// <summary>Tries the culture (<c>fr-CA</c>), its parents (<c>fr</c>), then <c>en</c>, then any text; null when the map is empty.</summary>
    public static string? Pick(IReadOnlyDictionary<string, string>? texts, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (texts is null || texts.Count == 0)
        {
            return null;
        }

        for (var current = culture; !string.IsNullOrEmpty(current.Name); current = current.Parent)
        {
            if (TryGet(texts, current.Name, out var text))
            {
                return text;
            }
        }

        if (TryGet(texts, FallbackLanguage, out var fallback))
        {
            return fallback;
        }

        return texts.Values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
    }

    private static bool TryGet(IReadOnlyDictionary<string, string> texts, string language, out string text)
    {
        foreach (var (key, value) in texts)
        {
            if (string.Equals(key, language, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
            {
                text = value;
                return true;
            }
        }

        text = "";
        return false;
    }
}
