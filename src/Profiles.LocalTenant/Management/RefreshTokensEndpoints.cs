using System.Globalization;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/users/{user_id}/refresh-tokens</c> (checkpoint paging with <c>take</c>/<c>from</c>, delete all) and
/// <c>/refresh-tokens/{id}</c> (read, delete). Deletes answer 202 as Auth0's document says: revocation is asynchronous there.</summary>
internal static class RefreshTokensEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/users/{userId}/refresh-tokens", List).RequireScopes("read:refresh_tokens");
        api.MapDelete("/users/{userId}/refresh-tokens", DeleteAll).RequireScopes("delete:refresh_tokens");
        api.MapGet("/refresh-tokens/{id}", Get).RequireScopes("read:refresh_tokens");
        api.MapDelete("/refresh-tokens/{id}", Delete).RequireScopes("delete:refresh_tokens");
    }

    private static IResult List(string userId, string? take, string? from, string? include_totals, TenantStore store, TenantUrls urls)
    {
        var pageSize = 50;
        if (take is not null && (!int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            return ManagementErrors.Error(StatusCodes.Status400BadRequest,
                "Query validation error: 'Value must be between 1 and 100' on property take.", "invalid_query_string");
        }

        var tokens = store.Read(d => d.FindUser(userId) is null
            ? null
            : d.All<TenantRefreshToken>().Where(t => t.UserId == userId).OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => Write(t, urls)).ToList());
        if (tokens is null)
        {
            return ManagementErrors.UserNotFound();
        }

        // The cursor is the id of the last token returned (exclusive), so tokens revoked meanwhile do not shift the pages.
        var remaining = from is null
            ? tokens
            : tokens.Where(t => string.CompareOrdinal(t["id"]!.GetValue<string>(), from) > 0).ToList();
        var page = remaining.Take(pageSize).ToList();
        var json = new JsonObject { ["tokens"] = new JsonArray([.. page]) };
        if (remaining.Count > pageSize)
        {
            json["next"] = page[^1]["id"]!.GetValue<string>();
        }

        if (string.Equals(include_totals, "true", StringComparison.OrdinalIgnoreCase))
        {
            json["total"] = tokens.Count;
        }

        return ManagementResults.Json(json);
    }

    private static IResult DeleteAll(string userId, TenantStore store)
    {
        var found = store.Write(w =>
        {
            if (w.FindUser(userId) is null)
            {
                return false;
            }

            foreach (var token in w.All<TenantRefreshToken>().Where(t => t.UserId == userId).ToList())
            {
                w.Remove<TenantRefreshToken>(token.Key);
            }

            return true;
        });
        return found ? ManagementResults.Json(new JsonObject(), StatusCodes.Status202Accepted) : ManagementErrors.UserNotFound();
    }

    private static IResult Get(string id, TenantStore store, TenantUrls urls)
    {
        var token = store.Read(d => d.All<TenantRefreshToken>().FirstOrDefault(t => t.Id == id) is { } t ? Write(t, urls) : null);
        return token is null
            ? ManagementErrors.Error(StatusCodes.Status404NotFound, "The refresh token does not exist.", "inexistent_refresh_token")
            : ManagementResults.Json(token);
    }

    private static IResult Delete(string id, TenantStore store)
    {
        // An unknown id gets the same 202: the delete is idempotent and, at Auth0, only queued.
        store.Write(w =>
        {
            if (w.All<TenantRefreshToken>().FirstOrDefault(t => t.Id == id) is { } token)
            {
                w.Remove<TenantRefreshToken>(token.Key);
            }
        });
        return ManagementResults.Json(new JsonObject(), StatusCodes.Status202Accepted);
    }

    private static JsonObject Write(TenantRefreshToken token, TenantUrls urls)
    {
        var device = new JsonObject();
        Add(device, "initial_ip", token.InitialIp);
        Add(device, "initial_user_agent", token.InitialUserAgent);
        Add(device, "last_ip", token.LastIp ?? token.InitialIp);
        Add(device, "last_user_agent", token.LastUserAgent ?? token.InitialUserAgent);
        return new JsonObject
        {
            ["id"] = token.Id,
            ["user_id"] = token.UserId,
            ["created_at"] = UserJson.Timestamp(token.CreatedAt),
            // Non-expiring tokens, as the tenant issues them: Auth0 answers null for these.
            ["idle_expires_at"] = null,
            ["expires_at"] = null,
            ["last_exchanged_at"] = token.LastExchangedAt is { } exchanged ? UserJson.Timestamp(exchanged) : null,
            ["device"] = device,
            ["client_id"] = token.ClientId,
            ["session_id"] = string.IsNullOrEmpty(token.SessionId) ? null : token.SessionId,
            ["rotating"] = false,
            ["resource_servers"] = new JsonArray(new JsonObject { ["audience"] = urls.Issuer + "userinfo", ["scopes"] = token.Scope }),
        };
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
