using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Management.Search;

/// <summary><c>field:[low TO high]</c> with <c>[ ]</c> inclusive, <c>{ }</c> exclusive (mixable) and <c>*</c> open, on a date
/// field (<see cref="SearchFields.Dates"/>) or a number field (<see cref="SearchFields.Numbers"/>).</summary>
public sealed class RangeNode : SearchNode
{
    private readonly Func<JsonValue, bool> _matches;

    public RangeNode(string field, string? lower, bool lowerInclusive, string? upper, bool upperInclusive)
    {
        ArgumentNullException.ThrowIfNull(field);
        Field = field;
        if (SearchFields.Dates.Contains(field))
        {
            var low = lower is null ? (SearchDate?)null : SearchDate.Parse(lower);
            var high = upper is null ? (SearchDate?)null : SearchDate.Parse(upper);
            _matches = v => v.GetValueKind() == JsonValueKind.String
                && DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                && (low is not { } l || at >= (lowerInclusive ? l.Start : l.End))
                && (high is not { } h || at < (upperInclusive ? h.End : h.Start));
        }
        else if (SearchFields.Numbers.Contains(field))
        {
            var low = lower is null ? (double?)null : Number(lower);
            var high = upper is null ? (double?)null : Number(upper);
            _matches = v => v.GetValueKind() == JsonValueKind.Number && SearchableUser.Number(v) is var n
                && (low is not { } l || (lowerInclusive ? n >= l : n > l))
                && (high is not { } h || (upperInclusive ? n <= h : n < h));
        }
        else
        {
            throw new SearchQueryException(
                $"range searches are supported on {string.Join(", ", SearchFields.Dates.Order(StringComparer.Ordinal))} and logins_count, not on {field}");
        }
    }

    public string Field { get; }

    public override bool Matches(SearchableUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Values(Field).Any(_matches);
    }

    private static double Number(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new SearchQueryException($"'{text}' is not a number");
}
