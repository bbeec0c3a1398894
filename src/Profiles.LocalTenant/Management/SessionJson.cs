using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary>A <see cref="TenantSession"/> in Auth0's session shape.</summary>
internal static class SessionJson
{
    public static JsonObject Write(TenantSession session)
    {
        var device = new JsonObject();
        if (session.UserAgent is not null)
        {
            device["initial_user_agent"] = session.UserAgent;
            device["last_user_agent"] = session.LastUserAgent ?? session.UserAgent;
        }

        if (session.Ip is not null)
        {
            device["initial_ip"] = session.Ip;
            device["last_ip"] = session.LastIp ?? session.Ip;
        }

        // Sessions saved before methods were recorded fall back to the connection they signed in with.
        var methods = session.Methods.Count > 0
            ? session.Methods.Select(m => (JsonNode)new JsonObject { ["name"] = m.Name, ["timestamp"] = UserJson.Timestamp(m.Timestamp) })
            : [new JsonObject { ["name"] = Authentication.TenantSessions.MethodName(session.Connection), ["timestamp"] = UserJson.Timestamp(session.AuthenticatedAt) }];
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
            ["authentication"] = new JsonObject { ["methods"] = new JsonArray(methods.ToArray()) },
        };
    }
}
