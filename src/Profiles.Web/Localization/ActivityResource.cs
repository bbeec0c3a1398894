namespace Profiles.Web.Localization;

/// <summary>Marker for the security activity page's texts (Resources/Localization/ActivityResource.*.resx).</summary>
public sealed class ActivityResource;
