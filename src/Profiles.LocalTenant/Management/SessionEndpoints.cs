using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/sessions/{id}</c> (read, delete, revoke) and <c>/users/{id}/revoke-access</c>. Deletes and revokes answer 202
/// with <c>{}</c>, as Auth0's recordings show; revoking also ends the session's refresh tokens, deleting does not.</summary>
internal static class SessionEndpoints
{
    private const int MaxSessionIdLength = 50;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/sessions/{id}", Get).RequireScopes("read:sessions").AddEndpointFilter<SessionsPlanFilter>();
        api.MapDelete("/sessions/{id}", (string id, TenantStore store, SessionsFeature feature, TimeProvider time) => End(id, false, store, feature, time, allowMissing: true))
            .RequireScopes("delete:sessions").AddEndpointFilter<SessionsPlanFilter>();
        api.MapPost("/sessions/{id}/revoke", (string id, TenantStore store, SessionsFeature feature, TimeProvider time) => End(id, true, store, feature, time, allowMissing: false))
            .RequireScopes("delete:sessions").AddEndpointFilter<SessionsPlanFilter>();
        api.MapPost("/users/{id}/revoke-access", RevokeAccessAsync).RequireScopes("delete:sessions").AddEndpointFilter<SessionsPlanFilter>();
    }

    private static IResult Get(string id, TenantStore store, SessionsFeature feature, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var session = store.Read(d => d.Find<TenantSession>(id));
        return session is not null && SessionEnding.Lists(session, feature, now)
            ? ManagementResults.Json(SessionJson.Write(session))
            : SessionNotFound();
    }

    /// <summary>DELETE of an unknown id is undocumented at Auth0 (no 404 listed): the tenant accepts it, so a caller must not
    /// rely on a 404 there. Revoke documents 404 "The session does not exist."</summary>
    private static IResult End(string id, bool revoke, TenantStore store, SessionsFeature feature, TimeProvider time, bool allowMissing)
    {
        if (id.Length > MaxSessionIdLength)
        {
            return ManagementErrors.Error(StatusCodes.Status400BadRequest,
                $"Path validation error: 'String is too long ({id.Length} chars), maximum {MaxSessionIdLength}' on property id (ID of the session).",
                "invalid_uri");
        }

        var now = time.GetUtcNow();
        var found = store.Write(w =>
        {
            var session = w.Find<TenantSession>(id);
            if (session is null || !SessionEnding.Lists(session, feature, now))
            {
                return false;
            }

            SessionEnding.End(w, session, revoke, feature, now);
            return true;
        });
        return found || allowMissing ? ManagementResults.Json(new JsonObject(), StatusCodes.Status202Accepted) : SessionNotFound();
    }

    /// <summary>Ends one session of the user (<c>session_id</c>) or, without it, all of them, with their refresh tokens unless
    /// <c>preserve_refresh_tokens</c>. Without <c>session_id</c> Auth0's behaviour is UNVERIFIED; all sessions is the reading
    /// that leaves nothing signed in by mistake.</summary>
    private static async Task<IResult> RevokeAccessAsync(string id, HttpRequest request, TenantStore store, SessionsFeature feature, TimeProvider time)
    {
        var body = request.ContentLength is 0 ? new JsonObject() : await ManagementBody.ReadObjectAsync(request, request.HttpContext.RequestAborted);
        var sessionId = body["session_id"] is JsonValue sid && sid.TryGetValue<string>(out var value) ? value : null;
        var preserve = body["preserve_refresh_tokens"] is JsonValue keep && keep.TryGetValue<bool>(out var flag) && flag;
        if (sessionId is { Length: > MaxSessionIdLength })
        {
            return ManagementErrors.Error(StatusCodes.Status400BadRequest,
                $"Payload validation error: 'String is too long ({sessionId.Length} chars), maximum {MaxSessionIdLength}' on property session_id.", "invalid_body");
        }

        var now = time.GetUtcNow();
        var found = store.Write(w =>
        {
            if (w.FindUser(id) is null)
            {
                return false;
            }

            foreach (var session in w.All<TenantSession>().Where(s => s.UserId == id && (sessionId is null || s.Id == sessionId)).ToList())
            {
                SessionEnding.End(w, session, !preserve, feature, now);
            }

            return true;
        });
        return found ? ManagementResults.Json(new JsonObject(), StatusCodes.Status202Accepted) : ManagementErrors.UserNotFound();
    }

    private static IResult SessionNotFound()
        => ManagementErrors.Error(StatusCodes.Status404NotFound, "The session does not exist.", "inexistent_session");
}
