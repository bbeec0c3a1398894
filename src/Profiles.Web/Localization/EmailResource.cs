namespace Profiles.Web.Localization;

/// <summary>Marker for the email journeys' texts (Resources/Localization/EmailResource.*.resx): the email page, the
/// verification banner and the emails the portal sends about an email change.</summary>
public sealed class EmailResource;
