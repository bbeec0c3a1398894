namespace Profiles.Web.Localization;

/// <summary>Marker for the devices journey's texts (Resources/Localization/DevicesResource.*.resx), including its email.</summary>
public sealed class DevicesResource;
