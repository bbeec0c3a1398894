using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Authentication;

/// <summary>The browser's session at the tenant: the <c>lt_session</c> cookie names a <see cref="TenantSession"/> document.</summary>
public sealed class TenantSessions(TenantStore store, TimeProvider time)
{
    public const string CookieName = "lt_session";

    /// <summary>Auth0's defaults: 3 days of inactivity, 7 days at most.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromDays(3);

    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromDays(7);

    /// <summary>The live session named by the request's cookie, or null.</summary>
    public SessionInfo? Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var id) || string.IsNullOrEmpty(id))
        {
            return null;
        }

        var now = time.GetUtcNow();
        return store.Read(d =>
        {
            var session = d.Find<TenantSession>(id);
            if (session is null || session.EndedAt is not null || session.ExpiresAt <= now || session.IdleExpiresAt <= now || d.FindUser(session.UserId) is null)
            {
                return null;
            }

            return new SessionInfo(session.Id, session.UserId, session.AuthenticatedAt);
        });
    }

    /// <summary>Creates a session document (the caller saves it) for a fresh sign-in.</summary>
    public TenantSession Create(HttpContext context, string userId, string connection, string clientId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        return new TenantSession
        {
            Id = TenantIds.Token(24),
            UserId = userId,
            CreatedAt = now,
            UpdatedAt = now,
            AuthenticatedAt = now,
            LastInteractedAt = now,
            ExpiresAt = now + AbsoluteLifetime,
            IdleExpiresAt = now + IdleLifetime,
            UserAgent = context.Request.Headers.UserAgent.ToString(),
            Ip = context.Connection.RemoteIpAddress?.ToString(),
            Connection = connection,
            ClientIds = [clientId],
            Methods = [new TenantSessionMethod { Name = MethodName(connection), Timestamp = now }],
        };
    }

    /// <summary>Auth0's session method name for a sign-in through <paramref name="connection"/>.</summary>
    public static string MethodName(string connection) => connection is "" or "Username-Password-Authentication" ? "pwd" : "federated";

    /// <summary>Records a fresh sign-in in an existing session: its time and method.</summary>
    public void Reauthenticate(TenantSession session, string connection)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = time.GetUtcNow();
        var name = MethodName(connection);
        session.AuthenticatedAt = now;
        session.Connection = connection;
        session.Methods.RemoveAll(m => m.Name == name);
        session.Methods.Add(new TenantSessionMethod { Name = name, Timestamp = now });
    }

    /// <summary>Records that the user passed a second factor in this session (Auth0's session method <c>mfa</c>).</summary>
    public static void RecordSecondFactor(TenantSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Methods.RemoveAll(m => m.Name == "mfa");
        session.Methods.Add(new TenantSessionMethod { Name = "mfa", Timestamp = now });
    }

    /// <summary>Marks a session used by <paramref name="clientId"/> now from this request's device, extending its idle expiry.</summary>
    public void Touch(HttpContext context, TenantSession session, string clientId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        var now = time.GetUtcNow();
        session.LastUserAgent = context.Request.Headers.UserAgent.ToString();
        session.LastIp = context.Connection.RemoteIpAddress?.ToString();
        session.LastInteractedAt = now;
        session.UpdatedAt = now;
        session.IdleExpiresAt = Min(now + IdleLifetime, session.ExpiresAt);
        if (!session.ClientIds.Contains(clientId, StringComparer.Ordinal))
        {
            session.ClientIds.Add(clientId);
        }
    }

    public static void SetCookie(HttpContext context, string sessionId, DateTimeOffset expiresAt)
    {
        Security.TenantCookies.Append(context, CookieName, sessionId, expiresAt);
    }

    /// <summary>Ends the browser's session: deletes its document and its cookie. Returns the ended session's id.</summary>
    public string? End(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? ended = null;
        if (context.Request.Cookies.TryGetValue(CookieName, out var id) && !string.IsNullOrEmpty(id))
        {
            store.Write(w =>
            {
                if (w.Find<TenantSession>(id) is not null)
                {
                    w.Remove<TenantSession>(id);
                    ended = id;
                }
            });
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax });
        return ended;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
