namespace Profiles.Web.Localization;

/// <summary>Marker for the texts about consents given under an earlier wording (Resources/Localization/ConsentResource.*.resx).</summary>
public sealed class ConsentResource;
