namespace Profiles.Web.Localization;

/// <summary>Marker for the "your data" journey's strings (Resources/Localization/DataResource.*.resx): export and deletion.</summary>
public sealed class DataResource;
