namespace Profiles.Web.Localization;

/// <summary>Marker for the connected-applications page and notice texts (Resources/Localization/ApplicationsResource.*.resx).</summary>
public sealed class ApplicationsResource;
