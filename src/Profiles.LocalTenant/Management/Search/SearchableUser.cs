using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management.Search;

/// <summary>A user as the search index sees it: the Management API's JSON of the user, read by dotted paths
/// (<c>identities.connection</c>, <c>app_metadata.plan.name</c>), with arrays looked through as Auth0 does.</summary>
public sealed class SearchableUser
{
    private readonly JsonObject _json;

    public SearchableUser(TenantUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        User = user;
        _json = UserJson.Write(user);
    }

    public TenantUser User { get; }

    /// <summary>Every scalar value at <paramref name="field"/>; empty when the user has none.</summary>
    public IReadOnlyList<JsonValue> Values(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var found = new List<JsonValue>();
        Collect(_json, field.Split('.'), 0, found);
        return found;
    }

    /// <summary>A JSON number as a double, whatever CLR type the node was created from.</summary>
    public static double Number(JsonValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Collect(JsonNode? node, string[] path, int index, List<JsonValue> found)
    {
        switch (node)
        {
            case null:
                return;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, path, index, found);
                }

                return;
            case JsonValue value when index == path.Length:
                found.Add(value);
                return;
            case JsonObject obj when index < path.Length && obj.TryGetPropertyValue(path[index], out var child):
                Collect(child, path, index + 1, found);
                return;
            default:
                return;
        }
    }
}
