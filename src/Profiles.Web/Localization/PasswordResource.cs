namespace Profiles.Web.Localization;

/// <summary>Marker for the password journey's texts (Resources/Localization/PasswordResource.*.resx), including its email.</summary>
public sealed class PasswordResource;
