namespace Profiles.Core.Preferences;

/// <summary>One declared preference: a first-level <c>user_metadata</c> key and how to edit it.</summary>
public sealed class PreferenceField
{
    /// <summary>The <c>user_metadata</c> key (letters, digits, <c>_</c> and <c>-</c>; never <c>.</c> or <c>$</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary><c>text</c>, <c>textarea</c>, <c>select</c>, <c>checkbox</c>, <c>date</c> or <c>number</c>.</summary>
    public string Type { get; set; } = "text";

    /// <summary>Label by language (<c>en</c>, <c>fr</c>, …); <c>en</c> is the fallback.</summary>
    public Dictionary<string, string> Label { get; set; } = [];

    /// <summary>Help text by language.</summary>
    public Dictionary<string, string> Help { get; set; } = [];

    /// <summary>Choices of a <c>select</c>.</summary>
    public List<PreferenceOption> Options { get; set; } = [];

    /// <summary><c>time-zones</c> fills <see cref="Options"/> with the machine's IANA time zones.</summary>
    public string? OptionsSource { get; set; }

    public bool Required { get; set; }

    /// <summary>Smallest number, or earliest date (<c>yyyy-MM-dd</c>).</summary>
    public string? Min { get; set; }

    /// <summary>Largest number, or latest date (<c>yyyy-MM-dd</c>).</summary>
    public string? Max { get; set; }

    /// <summary>Longest text (default 500).</summary>
    public int? MaxLength { get; set; }

    /// <summary>Regular expression the whole text must match.</summary>
    public string? Pattern { get; set; }

    /// <summary>For a checkbox opt-in: the key that records when consent was given (ISO-8601), removed when withdrawn.</summary>
    public string? ConsentTimestampKey { get; set; }

    /// <summary>Declares a checkbox as a consent (e.g. a newsletter opt-in): every change is kept in the portal's consent history
    /// with the wording version, and the "Privacy and consent" page lists it with a way to withdraw.</summary>
    public ConsentDeclaration? Consent { get; set; }

    /// <summary>This field's value chooses the portal's UI language.</summary>
    public bool DrivesUiCulture { get; set; }
}
