namespace Profiles.Core.Preferences;

/// <summary>Which <c>app_metadata</c> keys the operator shows (read-only), section <c>Profiles:AppMetadata</c>.</summary>
public sealed class AppMetadataDisplayOptions
{
    public const string SectionName = "Profiles:AppMetadata";

    public List<AppMetadataField> Fields { get; set; } = [];
}
