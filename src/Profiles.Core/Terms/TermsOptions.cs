namespace Profiles.Core.Terms;

/// <summary>The operator's current terms and conditions, section <c>Profiles:Terms</c>. Without a <see cref="Version"/> the portal
/// asks nobody to accept anything.</summary>
public sealed class TermsOptions
{
    public const string SectionName = "Profiles:Terms";

    /// <summary>The current version (an operator label such as <c>2026-01</c>); written to <c>app_metadata</c> on acceptance.</summary>
    public string? Version { get; set; }

    /// <summary>When the current version took effect (<c>yyyy-MM-dd</c>), shown to the user.</summary>
    public DateOnly? EffectiveDate { get; set; }

    /// <summary>True when a user who has not accepted the current version must do so before any account page.</summary>
    public bool Required { get; set; } = true;

    /// <summary>Where the full text is, by language (<c>en</c> is the fallback).</summary>
    public Dictionary<string, string> Url { get; set; } = [];

    /// <summary>What changed since the previous version, by language.</summary>
    public Dictionary<string, string> Summary { get; set; } = [];

    /// <summary>True when a version is declared and its acceptance is required.</summary>
    public bool IsEnforced => Required && !string.IsNullOrWhiteSpace(Version);
}
