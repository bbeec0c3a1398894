namespace Profiles.Core.Preferences;

/// <summary>One shown <c>app_metadata</c> key, with a plain-language label and help.</summary>
public sealed class AppMetadataField
{
    public string Key { get; set; } = "";

    /// <summary><c>text</c>, <c>date</c>, <c>list</c> or <c>yesno</c>.</summary>
    public string Format { get; set; } = "text";

    public Dictionary<string, string> Label { get; set; } = [];

    public Dictionary<string, string> Help { get; set; } = [];

    /// <summary>Labels for known values (e.g. <c>premium</c> → "Premium plan"), by value then language.</summary>
    public Dictionary<string, Dictionary<string, string>> ValueLabels { get; set; } = [];
}
