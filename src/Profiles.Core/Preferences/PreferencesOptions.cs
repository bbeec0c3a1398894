namespace Profiles.Core.Preferences;

/// <summary>The operator's declaration of editable preferences (<c>user_metadata</c> fields), section <c>Profiles:Preferences</c>.</summary>
public sealed class PreferencesOptions
{
    public const string SectionName = "Profiles:Preferences";

    /// <summary>Largest serialised <c>user_metadata</c> the portal will write (Auth0 allows 10 KB for the whole profile).</summary>
    public int MaxMetadataBytes { get; set; } = 4096;

    public List<PreferenceField> Fields { get; set; } = [];
}
