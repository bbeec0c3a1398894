using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Profiles.Core.Profiles;

namespace Profiles.Core.Preferences;

/// <summary>Parses raw form values into <c>user_metadata</c> values per the operator's declarations. Undeclared keys are ignored;
/// a declared key missing from the form counts as empty (an unticked checkbox is not posted).</summary>
public sealed class PreferenceValidator
{
    private const string DateFormat = "yyyy-MM-dd";
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public PreferenceValidationResult Validate(IReadOnlyList<PreferenceField> fields, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(values);
        var parsed = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, ProfileError>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            values.TryGetValue(field.Key, out var raw);
            var text = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            var (value, error) = Parse(field, text);
            if (error is not null)
            {
                errors[field.Key] = error;
            }
            else
            {
                parsed[field.Key] = value;
            }
        }

        return new PreferenceValidationResult(parsed, errors);
    }

    private static (JsonNode? Value, ProfileError? Error) Parse(PreferenceField field, string? text)
    {
        if (PreferenceFieldTypes.Is(field, PreferenceFieldTypes.Checkbox))
        {
            return ParseCheckbox(field, text);
        }

        if (text is null)
        {
            return field.Required ? (null, new ProfileError(ProfileErrorCodes.PreferenceRequired)) : (null, null);
        }

        return field.Type.ToLowerInvariant() switch
        {
            PreferenceFieldTypes.Select => PreferenceChoices.Contains(field, text)
                ? (JsonValue.Create(text), null)
                : (null, new ProfileError(ProfileErrorCodes.PreferenceInvalidChoice)),
            PreferenceFieldTypes.Date => ParseDate(field, text),
            PreferenceFieldTypes.Number => ParseNumber(field, text),
            PreferenceFieldTypes.Text or PreferenceFieldTypes.TextArea => ParseText(field, text),
            _ => throw new InvalidOperationException($"Preference '{field.Key}' has the unknown type '{field.Type}'."),
        };
    }

    private static (JsonNode?, ProfileError?) ParseCheckbox(PreferenceField field, string? text)
    {
        bool isChecked;
        if (text is null || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "off", StringComparison.OrdinalIgnoreCase))
        {
            isChecked = false;
        }
        else if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "on", StringComparison.OrdinalIgnoreCase))
        {
            isChecked = true;
        }
        else
        {
            return (null, new ProfileError(ProfileErrorCodes.PreferenceInvalidChoice));
        }

        return field.Required && !isChecked ? (null, new ProfileError(ProfileErrorCodes.PreferenceRequired)) : (JsonValue.Create(isChecked), null);
    }

    private static (JsonNode?, ProfileError?) ParseText(PreferenceField field, string text)
    {
        var max = field.MaxLength ?? PreferenceFieldTypes.DefaultMaxLength;
        if (text.Length > max)
        {
            return (null, new ProfileError(ProfileErrorCodes.PreferenceTooLong, max));
        }

        if (!string.IsNullOrEmpty(field.Pattern) && !MatchesWhole(field.Pattern, text))
        {
            return (null, new ProfileError(ProfileErrorCodes.PreferencePatternMismatch));
        }

        return (JsonValue.Create(text), null);
    }

    private static bool MatchesWhole(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static (JsonNode?, ProfileError?) ParseDate(PreferenceField field, string text)
    {
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, new ProfileError(ProfileErrorCodes.PreferenceInvalidDate));
        }

        var min = ParseBoundDate(field.Min);
        var max = ParseBoundDate(field.Max);
        if ((min is not null && date < min) || (max is not null && date > max))
        {
            return (null, new ProfileError(ProfileErrorCodes.PreferenceOutOfRange, field.Min ?? "", field.Max ?? ""));
        }

        return (JsonValue.Create(date.ToString(DateFormat, CultureInfo.InvariantCulture)), null);
    }

    private static (JsonNode?, ProfileError?) ParseNumber(PreferenceField field, string text)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return (null, new ProfileError(ProfileErrorCodes.PreferenceInvalidNumber));
        }

        var min = ParseBoundNumber(field.Min);
        var max = ParseBoundNumber(field.Max);
        if ((min is not null && number < min) || (max is not null && number > max))
        {
            return (null, new ProfileError(ProfileErrorCodes.PreferenceOutOfRange, field.Min ?? "", field.Max ?? ""));
        }

        // 5.0 and 5 are the same preference; store the shortest form so comparisons with the saved value hold.
        return (JsonValue.Create(number / 1.000000000000000000000000000000000m), null);
    }

    private static DateOnly? ParseBoundDate(string? bound) =>
        DateOnly.TryParseExact(bound, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static decimal? ParseBoundNumber(string? bound) =>
        decimal.TryParse(bound, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
}
