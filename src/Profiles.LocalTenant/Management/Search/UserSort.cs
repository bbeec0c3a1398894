using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Management.Search;

/// <summary>Auth0's <c>sort=field:1</c> (ascending) or <c>field:-1</c> (descending). Users without the field come last;
/// ties, and requests without <c>sort</c>, fall back to creation time then user id so that paging is stable.</summary>
public sealed class UserSort(string? field, bool descending) : IComparer<SearchableUser>
{
    public static UserSort Default { get; } = new(null, false);

    public string? Field { get; } = field;

    public bool Descending { get; } = descending;

    public int Compare(SearchableUser? x, SearchableUser? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (Field is not null)
        {
            var (a, b) = (First(x), First(y));
            if (a is null != b is null)
            {
                return a is null ? 1 : -1;
            }

            if (a is not null && b is not null)
            {
                var order = CompareValues(a, b, SearchFields.CaseInsensitive.Contains(Field));
                if (order != 0)
                {
                    return Descending ? -order : order;
                }
            }
        }

        var created = x.User.CreatedAt.CompareTo(y.User.CreatedAt);
        return created != 0 ? created : string.CompareOrdinal(x.User.UserId, y.User.UserId);
    }

    private JsonValue? First(SearchableUser user) => user.Values(Field!) is [var first, ..] ? first : null;

    private static int CompareValues(JsonValue a, JsonValue b, bool ignoreCase)
    {
        if (a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number)
        {
            return SearchableUser.Number(a).CompareTo(SearchableUser.Number(b));
        }

        var (left, right) = (Text(a), Text(b));
        return ignoreCase ? string.Compare(left, right, StringComparison.OrdinalIgnoreCase) : string.CompareOrdinal(left, right);
    }

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => SearchableUser.Number(value).ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
