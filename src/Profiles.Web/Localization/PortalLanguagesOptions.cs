namespace Profiles.Web.Localization;

/// <summary>The UI languages the portal offers, section <c>Profiles:Languages</c>. Each needs a resource file per resource set
/// (<c>SharedResource.{culture}.resx</c> and its siblings); the first is not special, English is always the fallback.</summary>
public sealed class PortalLanguagesOptions
{
    public const string SectionName = "Profiles:Languages";

    /// <summary>Neutral culture names, e.g. <c>en</c>, <c>fr</c>, <c>de</c>, <c>es</c>, <c>ar</c>.</summary>
    public List<string> Cultures { get; set; } = [];
}
