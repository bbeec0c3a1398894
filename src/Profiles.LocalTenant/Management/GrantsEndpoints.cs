using System.Globalization;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/grants</c>: list (array, or <c>{total,start,limit,grants}</c> with <c>include_totals</c>) and delete.</summary>
internal static class GrantsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/grants", List).RequireScopes("read:grants");
        api.MapDelete("/grants/{id}", DeleteOne).RequireScopes("delete:grants");
        api.MapDelete("/grants", DeleteByUser).RequireScopes("delete:grants");
    }

    private static IResult List(HttpRequest request, TenantStore store)
    {
        var query = request.Query;
        string? Get(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        var page = QueryNumbers.Parse(Get("page"), "page", 0, int.MaxValue, 0);
        var perPage = QueryNumbers.Parse(Get("per_page"), "per_page", 1, 100, 50);
        var (userId, clientId, audience) = (Get("user_id"), Get("client_id"), Get("audience"));
        var all = store.Read(d => d.All<TenantGrant>()
            .Where(g => (userId is null || g.UserId == userId) && (clientId is null || g.ClientId == clientId) && (audience is null || g.Audience == audience))
            .OrderBy(g => g.Id, StringComparer.Ordinal)
            .ToList());
        var grants = new JsonArray(all.Skip(page * perPage).Take(perPage).Select(g => (JsonNode)Write(g)).ToArray());
        if (!string.Equals(Get("include_totals"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return ManagementResults.Json(grants);
        }

        return ManagementResults.Json(new JsonObject { ["total"] = all.Count, ["start"] = page * perPage, ["limit"] = perPage, ["grants"] = grants });
    }

    private static IResult DeleteOne(string id, TenantStore store)
    {
        store.Write(w => w.Remove<TenantGrant>(id));
        return ManagementResults.NoContent();
    }

    private static IResult DeleteByUser(HttpRequest request, TenantStore store)
    {
        var userId = request.Query["user_id"].ToString();
        if (string.IsNullOrEmpty(userId))
        {
            return ManagementErrors.Error(StatusCodes.Status400BadRequest, "Query validation error: 'Missing required property: user_id'.", "invalid_query_string");
        }

        store.Write(w =>
        {
            foreach (var grant in w.All<TenantGrant>().Where(g => g.UserId == userId).ToList())
            {
                w.Remove<TenantGrant>(grant.Key);
            }
        });
        return ManagementResults.NoContent();
    }

    private static JsonObject Write(TenantGrant grant) => new()
    {
        ["id"] = grant.Id,
        ["clientID"] = grant.ClientId,
        ["user_id"] = grant.UserId,
        ["audience"] = grant.Audience,
        ["scope"] = new JsonArray(grant.Scope.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
    };
}
