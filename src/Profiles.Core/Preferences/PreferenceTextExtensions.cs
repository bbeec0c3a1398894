using System.Globalization;

namespace Profiles.Core.Preferences;

/// <summary>Label and help lookups by culture (falling back to <c>en</c>) for the operator's declarations.</summary>
public static class PreferenceTextExtensions
{
    /// <summary>The field's label; the key when none is declared.</summary>
    public static string GetLabel(this PreferenceField field, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(field);
        return LocalizedText.Pick(field.Label, culture) ?? field.Key;
    }

    /// <summary>The field's help text, or null.</summary>
    public static string? GetHelp(this PreferenceField field, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(field);
        return LocalizedText.Pick(field.Help, culture);
    }

    /// <summary>The choice's label; the value itself when none is declared.</summary>
    public static string GetLabel(this PreferenceOption option, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(option);
        return LocalizedText.Pick(option.Label, culture) ?? option.Value;
    }

    /// <summary>The shown <c>app_metadata</c> key's label; the key when none is declared.</summary>
    public static string GetLabel(this AppMetadataField field, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(field);
        return LocalizedText.Pick(field.Label, culture) ?? field.Key;
    }

    /// <summary>The shown <c>app_metadata</c> key's help text, or null.</summary>
    public static string? GetHelp(this AppMetadataField field, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(field);
        return LocalizedText.Pick(field.Help, culture);
    }
}
