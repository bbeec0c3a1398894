using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Profiles.Core.Preferences;

/// <summary>Start-up checks of the operator's preference declarations.</summary>
public sealed partial class PreferencesOptionsValidator : IValidateOptions<PreferencesOptions>
{
    public ValidateOptionsResult Validate(string? name, PreferencesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxMetadataBytes is <= 0 or > 10240)
        {
            failures.Add("Profiles:Preferences:MaxMetadataBytes must be between 1 and 10240 (Auth0 allows 10 KB per profile).");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Fields.Count; i++)
        {
            var field = options.Fields[i];
            var where = $"Profiles:Preferences:Fields:{i}";
            if (!KeyPattern().IsMatch(field.Key))
            {
                failures.Add($"{where}:Key must be letters, digits, '_' or '-' (Auth0 forbids '.' and '$').");
            }
            else if (!keys.Add(field.Key))
            {
                failures.Add($"{where}:Key '{field.Key}' is declared twice.");
            }

            if (!PreferenceFieldTypes.All.Contains(field.Type, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{where}:Type must be one of {string.Join(", ", PreferenceFieldTypes.All)}.");
            }

            if (PreferenceFieldTypes.Is(field, PreferenceFieldTypes.Select) && field.Options.Count == 0
                && !string.Equals(field.OptionsSource, PreferenceChoices.TimeZonesSource, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{where} is a select without Options or OptionsSource '{PreferenceChoices.TimeZonesSource}'.");
            }

            if (field.ConsentTimestampKey is { } consentKey
                && (!PreferenceFieldTypes.Is(field, PreferenceFieldTypes.Checkbox) || !KeyPattern().IsMatch(consentKey)))
            {
                failures.Add($"{where}:ConsentTimestampKey needs a checkbox field and a valid key.");
            }

            if (field.Consent is { } consent && (!PreferenceFieldTypes.Is(field, PreferenceFieldTypes.Checkbox)
                || string.IsNullOrWhiteSpace(consent.WordingVersion) || consent.WordingVersion.Length > ConsentDeclaration.MaxWordingVersionLength))
            {
                failures.Add($"{where}:Consent needs a checkbox field and a WordingVersion of 1 to {ConsentDeclaration.MaxWordingVersionLength} characters.");
            }

            if (!string.IsNullOrEmpty(field.Pattern) && !IsValidPattern(field.Pattern))
            {
                failures.Add($"{where}:Pattern is not a valid regular expression.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex KeyPattern();
}
