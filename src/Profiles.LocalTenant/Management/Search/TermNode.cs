using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Management.Search;

/// <summary><c>field:value</c>, <c>field:"a phrase"</c>, <c>field:prefix*</c>, <c>field:*</c> (has a value), or a term
/// without a field, which searches <see cref="SearchFields.Default"/>. Values match whole (Auth0's v3 engine does not
/// tokenize), except that the name fields also match whole words.</summary>
public sealed class TermNode(string? field, string text, bool prefix) : SearchNode
{
    public string? Field { get; } = field;

    public string Text { get; } = text;

    public bool Prefix { get; } = prefix;

    public override bool Matches(SearchableUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Field is null
            ? SearchFields.Default.Any(f => MatchesField(user, f))
            : MatchesField(user, Field);
    }

    private bool MatchesField(SearchableUser user, string field)
    {
        var values = user.Values(field);
        if (Prefix && Text.Length == 0)
        {
            return values.Count > 0;
        }

        var comparison = SearchFields.CaseInsensitive.Contains(field) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return values.Any(v => MatchesValue(v, comparison, SearchFields.Worded.Contains(field)));
    }

    private bool MatchesValue(JsonValue value, StringComparison comparison, bool worded)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                return !Prefix && string.Equals(Text, value.GetValueKind() == JsonValueKind.True ? "true" : "false", StringComparison.Ordinal);
            case JsonValueKind.Number:
                var raw = value.ToJsonString();
                return Prefix
                    ? raw.StartsWith(Text, StringComparison.Ordinal)
                    : double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var wanted) && SearchableUser.Number(value) == wanted;
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                return Matches(text, comparison, worded) || (worded && Words(text).Any(w => Matches(w, comparison, worded: false)));
            default:
                return false;
        }
    }

    private bool Matches(string candidate, StringComparison comparison, bool worded)
    {
        if (Prefix)
        {
            return candidate.StartsWith(Text, comparison);
        }

        if (string.Equals(candidate, Text, comparison))
        {
            return true;
        }

        // A quoted phrase of several words inside a longer name: "richard doe" in "John Richard Doe".
        return worded && Text.Contains(' ', StringComparison.Ordinal)
            && (" " + string.Join(' ', Words(candidate)) + " ").Contains(" " + Text + " ", comparison);
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
