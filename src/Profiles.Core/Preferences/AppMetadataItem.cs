namespace Profiles.Core.Preferences;

/// <summary>One read-only <c>app_metadata</c> entry, ready to show.</summary>
public sealed record AppMetadataItem(string Key, string Label, string DisplayValue, string? Help);
