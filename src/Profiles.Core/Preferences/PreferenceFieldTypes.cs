namespace Profiles.Core.Preferences;

/// <summary>The values of <see cref="PreferenceField.Type"/>.</summary>
public static class PreferenceFieldTypes
{
    public const string Text = "text";
    public const string TextArea = "textarea";
    public const string Select = "select";
    public const string Checkbox = "checkbox";
    public const string Date = "date";
    public const string Number = "number";

    /// <summary>Longest text when <see cref="PreferenceField.MaxLength"/> is not set.</summary>
    public const int DefaultMaxLength = 500;

    public static IReadOnlyList<string> All { get; } = [Text, TextArea, Select, Checkbox, Date, Number];

    public static bool Is(PreferenceField field, string type)
    {
        ArgumentNullException.ThrowIfNull(field);
        return string.Equals(field.Type, type, StringComparison.OrdinalIgnoreCase);
    }
}
