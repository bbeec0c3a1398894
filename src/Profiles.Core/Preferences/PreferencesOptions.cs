using System.Text.Json.Nodes;

namespace Profiles.Core.Preferences;

/// <summary>The operator's declaration of editable preferences (<c>user_metadata</c> fields), section <c>Profiles:Preferences</c>.</summary>
public sealed class PreferencesOptions
{
    public const string SectionName = "Profiles:Preferences";

    /// <summary>Largest serialised <c>user_metadata</c> the portal will write (Auth0 allows 10 KB for the whole profile).</summary>
    public int MaxMetadataBytes { get; set; } = 4096;

    public List<PreferenceField> Fields { get; set; } = [];

    /// <summary>The field whose value chooses the portal's language for the user (<see cref="PreferenceField.DrivesUiCulture"/>).</summary>
    public PreferenceField? UiLanguageField => Fields.FirstOrDefault(f => f.DrivesUiCulture);

    /// <summary>The language stored in <paramref name="userMetadata"/> under <see cref="UiLanguageField"/>, if any (not checked
    /// against the cultures the portal supports).</summary>
    public string? UiLanguageOf(JsonObject? userMetadata) =>
        UiLanguageField is { } field && userMetadata?[field.Key] is JsonValue value && value.TryGetValue<string>(out var language)
            ? language
            : null;
}
