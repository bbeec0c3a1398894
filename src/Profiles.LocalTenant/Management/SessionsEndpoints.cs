using System.Globalization;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/users/{id}/sessions</c>: list (checkpoint paging with <c>take</c>/<c>from</c>) and delete all (202).</summary>
internal static class SessionsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/users/{id}/sessions", List).RequireScopes("read:sessions").AddEndpointFilter<SessionsPlanFilter>();
        api.MapDelete("/users/{id}/sessions", DeleteAll).RequireScopes("delete:sessions").AddEndpointFilter<SessionsPlanFilter>();
    }

    private static IResult List(string id, string? take, string? from, TenantStore store, SessionsFeature feature, TimeProvider time)
    {
        var pageSize = 50;
        if (take is not null && (!int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            return ManagementErrors.Error(StatusCodes.Status400BadRequest,
                "Query validation error: 'Value must be between 1 and 100' on property take.", "invalid_query_string");
        }

        var now = time.GetUtcNow();
        var sessions = store.Read(d => d.FindUser(id) is null
            ? null
            : d.All<TenantSession>().Where(s => s.UserId == id && SessionEnding.Lists(s, feature, now)).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList());
        if (sessions is null)
        {
            return ManagementErrors.UserNotFound();
        }

        // The cursor is the id of the first session of the next page: opaque to callers, stable while sessions come and go.
        var start = from is null ? 0 : Math.Max(0, sessions.FindIndex(s => s.Id == from));
        var page = sessions.Skip(start).Take(pageSize).ToList();
        var json = new JsonObject { ["sessions"] = new JsonArray(page.Select(s => (JsonNode)SessionJson.Write(s)).ToArray()) };
        if (start + pageSize < sessions.Count)
        {
            json["next"] = sessions[start + pageSize].Id;
        }

        return ManagementResults.Json(json);
    }

    private static IResult DeleteAll(string id, TenantStore store, SessionsFeature feature, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var found = store.Write(w =>
        {
            if (w.FindUser(id) is null)
            {
                return false;
            }

            foreach (var session in w.All<TenantSession>().Where(s => s.UserId == id).ToList())
            {
                SessionEnding.End(w, session, revokeRefreshTokens: false, feature, now);
            }

            return true;
        });
        return found ? ManagementResults.Json(new JsonObject(), StatusCodes.Status202Accepted) : ManagementErrors.UserNotFound();
    }
}
