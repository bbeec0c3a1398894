namespace Profiles.Core.Preferences;

/// <summary>One choice of a <c>select</c> preference.</summary>
public sealed class PreferenceOption
{
    public string Value { get; set; } = "";

    /// <summary>Label by language; the value itself when missing.</summary>
    public Dictionary<string, string> Label { get; set; } = [];
}
