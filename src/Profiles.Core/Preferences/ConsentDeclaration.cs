namespace Profiles.Core.Preferences;

/// <summary>Marks a declared checkbox preference as a consent.</summary>
public sealed class ConsentDeclaration
{
    public const int MaxWordingVersionLength = 64;

    /// <summary>The version of the wording the user agrees to (the label and help text); change it whenever they change, so the
    /// history says which text each consent was given under.</summary>
    public string WordingVersion { get; set; } = "";
}
