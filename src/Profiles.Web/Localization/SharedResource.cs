namespace Profiles.Web.Localization;

/// <summary>Marker for the portal's one resource set (Resources/Localization/SharedResource.*.resx).</summary>
public sealed class SharedResource;
