using System.Globalization;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/users/{id}/sessions</c>: list (checkpoint paging with <c>take</c>/<c>from</c>) and delete all (202).</summary>
internal static class SessionsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/users/{id}/sessions", List).RequireScopes("read:sessions");
        api.MapDelete("/users/{id}/sessions", DeleteAll).RequireScopes("delete:sessions");
    }

    private static IResult List(string id, string? take, string? from, TenantStore store)
    {
        var pageSize = 50;
        if (take is not null && (!int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            return ManagementErrors.Error(StatusCodes.Status400BadRequest,
                "Query validation error: 'Value must be between 1 and 100' on property take.", "invalid_query_string");
        }

        var sessions = store.Read(d => d.FindUser(id) is null
            ? null
            : d.All<TenantSession>().Where(s => s.UserId == id).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList());
        if (sessions is null)
        {
            return ManagementErrors.UserNotFound();
        }

        // The cursor is the id of the first session of the next page: opaque to callers, stable while sessions come and go.
        var start = from is null ? 0 : Math.Max(0, sessions.FindIndex(s => s.Id == from));
        var page = sessions.Skip(start).Take(pageSize).ToList();
        var json = new JsonObject { ["sessions"] = new JsonArray(page.Select(s => (JsonNode)Write(s)).ToArray()) };
        if (start + pageSize < sessions.Count)
        {
            json["next"] = sessions[start + pageSize].Id;
        }

        return ManagementResults.Json(json);
    }

    private static IResult DeleteAll(string id, TenantStore store)
    {
        var found = store.Write(w =>
        {
            if (w.FindUser(id) is null)
            {
                return false;
            }

            foreach (var session in w.All<TenantSession>().Where(s => s.UserId == id).ToList())
            {
                w.Remove<TenantSession>(session.Key);
            }

            return true;
        });
        return found ? ManagementResults.Json(new JsonObject(), StatusCodes.Status202Accepted) : ManagementErrors.UserNotFound();
    }

    private static JsonObject Write(TenantSession session)
    {
        var device = new JsonObject();
        if (session.UserAgent is not null)
        {
            device["initial_user_agent"] = session.UserAgent;
            device["last_user_agent"] = session.UserAgent;
        }

        if (session.Ip is not null)
        {
            device["initial_ip"] = session.Ip;
            device["last_ip"] = session.Ip;
        }

        var method = session.Connection is "" or "Username-Password-Authentication" ? "pwd" : "federated";
        return new JsonObject
        {
            ["id"] = session.Id,
            ["user_id"] = session.UserId,
            ["created_at"] = UserJson.Timestamp(session.CreatedAt),
            ["updated_at"] = UserJson.Timestamp(session.UpdatedAt),
            ["authenticated_at"] = UserJson.Timestamp(session.AuthenticatedAt),
            ["idle_expires_at"] = UserJson.Timestamp(session.IdleExpiresAt),
            ["expires_at"] = UserJson.Timestamp(session.ExpiresAt),
            ["last_interacted_at"] = UserJson.Timestamp(session.LastInteractedAt),
            ["device"] = device,
            ["clients"] = new JsonArray(session.ClientIds.Select(c => (JsonNode)new JsonObject { ["client_id"] = c }).ToArray()),
            ["authentication"] = new JsonObject
            {
                ["methods"] = new JsonArray(new JsonObject { ["name"] = method, ["timestamp"] = UserJson.Timestamp(session.AuthenticatedAt) }),
            },
        };
    }
}
