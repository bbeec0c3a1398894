namespace Profiles.Web.Terms;

/// <summary>The operator's privacy notice, section <c>Profiles:Privacy</c>, linked from the "Privacy and consent" page.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Profiles:Privacy";

    /// <summary>Where the privacy notice is, by language (<c>en</c> is the fallback); none: the page shows no link.</summary>
    public Dictionary<string, string> NoticeUrl { get; set; } = [];
}
