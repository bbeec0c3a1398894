namespace Profiles.Web.Localization;

/// <summary>Marker for the sign-in methods (linking) texts (Resources/Localization/LinkingResource.*.resx).</summary>
public sealed class LinkingResource;
