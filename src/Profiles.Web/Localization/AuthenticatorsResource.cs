namespace Profiles.Web.Localization;

/// <summary>Marker for the two-step verification journey's texts (Resources/Localization/AuthenticatorsResource.*.resx),
/// including its email.</summary>
public sealed class AuthenticatorsResource;
