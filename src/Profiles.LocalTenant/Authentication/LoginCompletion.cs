using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Logs;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Authentication;

/// <summary>
/// Finishes an authorization request once the person is known: records the login, creates or refreshes the tenant
/// session and the user's grant, issues a code and returns the redirect to the application's callback.
/// </summary>
public sealed class LoginCompletion(TenantStore store, TimeProvider time, TenantSessions sessions, AuthorizationCodes codes,
    LoginTransactions transactions, TenantUrls urls, TenantLogs logs, ILogger<LoginCompletion> logger)
{
    private const string BlockedDescription = "user is blocked";

    /// <summary>The ID token's <c>amr</c> after a login with a second factor (Auth0 sends it on that login only).</summary>
    private static readonly IReadOnlyList<string> SecondFactorAmr = ["mfa"];

    /// <summary>After an interactive sign-in (password, social, signup) as <paramref name="userId"/>; with
    /// <paramref name="secondFactor"/> the user also passed a second factor: the session records <c>mfa</c> and the ID token's
    /// <c>amr</c> says so. Without <paramref name="firstFactorNow"/> (a step-up on a live session) the session keeps its sign-in time.</summary>
    public string SignIn(HttpContext context, LoginTransaction transaction, string userId, string connection, bool secondFactor = false,
        bool firstFactorNow = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        transactions.Complete(transaction.Id);
        var current = sessions.Current(context);
        var now = time.GetUtcNow();
        var ip = context.Connection.RemoteIpAddress?.ToString();
        var outcome = store.Write(w =>
        {
            var user = w.FindUser(userId);
            if (user is null || user.Blocked == true)
            {
                if (user is not null)
                {
                    logs.Record(w, context, LogEventTypes.FailedLogin, userId, request.ClientId, connection, BlockedDescription);
                }

                return new Outcome(null, user is not null, UserId: userId);
            }

            logs.Record(w, context, LogEventTypes.SuccessLogin, userId, request.ClientId, connection, null);
            user.LastLogin = now;
            user.LoginsCount = (user.LoginsCount ?? 0) + 1;
            user.LastIp = ip;
            user.UpdatedAt = now;
            w.Save(user);

            // The same person signing in again keeps their session (and sid); someone else replaces it.
            var session = current is not null && current.UserId == userId ? w.Find<TenantSession>(current.Id) : null;
            if (session is null)
            {
                if (current is not null)
                {
                    w.Remove<TenantSession>(current.Id);
                }

                session = sessions.Create(context, userId, connection, request.ClientId);
            }
            else
            {
                if (firstFactorNow)
                {
                    sessions.Reauthenticate(session, connection);
                }

                sessions.Touch(context, session, request.ClientId);
            }

            if (secondFactor)
            {
                TenantSessions.RecordSecondFactor(session, now);
            }

            w.Save(session);
            EnsureGrant(w, userId, request);
            return new Outcome(new SessionInfo(session.Id, userId, session.AuthenticatedAt), false, session.ExpiresAt);
        });
        if (outcome.Session is not null)
        {
            AuthenticationLog.SignedIn(logger, userId, connection, request.ClientId);
        }

        return Finish(context, request, outcome, secondFactor ? SecondFactorAmr : null);
    }

    /// <summary>Single sign-on: the browser's live session answers the request without a login page.</summary>
    public string Continue(HttpContext context, AuthorizationRequest request, SessionInfo current)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(current);
        var outcome = store.Write(w =>
        {
            var user = w.FindUser(current.UserId);
            var session = w.Find<TenantSession>(current.Id);
            if (user is null || session is null || user.Blocked == true)
            {
                return new Outcome(null, user?.Blocked == true, UserId: current.UserId);
            }

            sessions.Touch(context, session, request.ClientId);
            w.Save(session);
            EnsureGrant(w, user.UserId, request);
            return new Outcome(current, false, session.ExpiresAt);
        });
        return Finish(context, request, outcome);
    }

    private string Finish(HttpContext context, AuthorizationRequest request, Outcome outcome, IReadOnlyList<string>? amr = null)
    {
        if (outcome.Blocked)
        {
            AuthenticationLog.BlockedUserRefused(logger, outcome.UserId ?? "", request.ClientId);
            return AuthorizeRedirects.Error(request, "unauthorized", BlockedDescription);
        }

        if (outcome.Session is null)
        {
            return AuthorizeRedirects.Error(request, "access_denied", "The user does not exist");
        }

        TenantSessions.SetCookie(context, outcome.Session.Id, outcome.ExpiresAt);
        var code = codes.Issue(request, outcome.Session.UserId, outcome.Session.Id, outcome.Session.AuthenticatedAt, amr);
        return AuthorizeRedirects.Success(request, code);
    }

    private void EnsureGrant(TenantWriter writer, string userId, AuthorizationRequest request)
    {
        var audience = urls.Issuer + "userinfo";
        var scopes = request.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var grant = writer.All<TenantGrant>().FirstOrDefault(g => g.UserId == userId && g.ClientId == request.ClientId && g.Audience == audience);
        if (grant is null)
        {
            writer.Save(new TenantGrant
            {
                Id = TenantIds.Prefixed("cgr_"),
                UserId = userId,
                ClientId = request.ClientId,
                Audience = audience,
                Scope = [.. scopes],
            });
        }
        else if (scopes.Any(s => !grant.Scope.Contains(s, StringComparer.Ordinal)))
        {
            grant.Scope = [.. grant.Scope.Union(scopes, StringComparer.Ordinal)];
            writer.Save(grant);
        }
    }

    private sealed record Outcome(SessionInfo? Session, bool Blocked, DateTimeOffset ExpiresAt = default, string? UserId = null);
}
