using System.Globalization;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary><c>GET /users/{id}/logs</c>: the user's log events, offset-paged (<c>page</c>/<c>per_page</c>), sorted by
/// <c>date</c> (newest first unless <c>sort=date:1</c>), wrapped in <c>{start,limit,length,total,logs}</c> with
/// <c>include_totals</c>.</summary>
internal static class UserLogsEndpoints
{
    public static void Map(RouteGroupBuilder api)
        => api.MapGet("/users/{id}/logs", List).RequireScopes("read:logs", "read:logs_users");

    private static IResult List(string id, HttpRequest request, TenantStore store)
    {
        var query = request.Query;
        string? Get(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        var page = QueryNumbers.Parse(Get("page"), "page", 0, int.MaxValue, 0);
        // Auth0 disables paging without per_page but never returns more than its cap; 50 is the public-cloud default.
        var perPage = QueryNumbers.Parse(Get("per_page"), "per_page", 1, 100, 50);
        var ascending = Get("sort") switch
        {
            null or "date:-1" => false,
            "date:1" => true,
            var other => throw new ManagementProblem(StatusCodes.Status400BadRequest,
                "Query validation error: 'String does not match pattern' on property sort (" + other + ").", "invalid_query_string"),
        };
        var all = store.Read(d =>
        {
            var events = d.All<TenantLogEvent>().Where(e => e.UserId == id);
            var sorted = ascending
                ? events.OrderBy(e => e.Date).ThenBy(e => e.LogId, StringComparer.Ordinal)
                : events.OrderByDescending(e => e.Date).ThenByDescending(e => e.LogId, StringComparer.Ordinal);
            return sorted.Select(Write).ToList();
        });
        var slice = all.Skip(page * perPage).Take(perPage).ToList();
        var logs = new JsonArray([.. slice]);
        if (!string.Equals(Get("include_totals"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return ManagementResults.Json(logs);
        }

        return ManagementResults.Json(new JsonObject
        {
            ["start"] = page * perPage,
            ["limit"] = perPage,
            ["length"] = slice.Count,
            ["total"] = all.Count,
            ["logs"] = logs,
        });
    }

    private static JsonObject Write(TenantLogEvent e)
    {
        var json = new JsonObject
        {
            ["date"] = UserJson.Timestamp(e.Date),
            ["type"] = e.Type,
            ["description"] = e.Description,
            ["user_id"] = e.UserId,
            ["log_id"] = e.LogId,
            ["isMobile"] = false,
        };
        Add(json, "client_id", e.ClientId);
        Add(json, "client_name", e.ClientName);
        Add(json, "connection", e.Connection);
        Add(json, "ip", e.Ip);
        Add(json, "user_agent", e.UserAgent);
        return json;
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
