using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;

namespace Profiles.Core.Security;

/// <summary>Revocations in table <c>session_revocations</c>: one row per user, a cut-off instant and the session to keep.
/// Sessions ended one by one (sign-out) are rows of <c>ended_sessions</c>, keyed by the portal session id. Checked on every
/// authenticated request (primary-key reads), so a revoked session ends at once, not after an interval. Ending a session also
/// removes its row of <c>portal_sessions</c> (<see cref="PortalSessions"/>): the devices page lists only sessions still usable.</summary>
public sealed class PortalSessionRevocations(IDbContextFactory<PortalDbContext> factory, PortalUserKeys userKeys, TimeProvider timeProvider)
    : IPortalSessionRevocations
{
    public async Task RevokeAsync(string userId, string? keepSessionId, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SessionRevocations.SingleOrDefaultAsync(r => r.UserKey == userKey, cancellationToken);
        if (row is null)
        {
            db.SessionRevocations.Add(new SessionRevocationRow { UserKey = userKey, RevokedBeforeMs = now, KeepSessionId = keepSessionId });
        }
        else
        {
            row.RevokedBeforeMs = now;
            row.KeepSessionId = keepSessionId;
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.PortalSessions.Where(r => r.UserKey == userKey && r.SessionId != keepSessionId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task EndSessionAsync(string userId, string sessionId, DateTimeOffset forgetAfter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Rows past their use are dropped here, so the table holds only sessions whose cookies could still be replayed.
        await db.EndedSessions.Where(r => r.ForgetAfterMs < now).ExecuteDeleteAsync(cancellationToken);
        await ForgetPortalSessionAsync(db, userKey, sessionId, cancellationToken);
        if (await db.EndedSessions.AnyAsync(r => r.SessionId == sessionId, cancellationToken))
        {
            return;
        }

        db.EndedSessions.Add(new EndedSessionRow
        {
            SessionId = sessionId, UserKey = userKey, EndedAtMs = now, ForgetAfterMs = forgetAfter.ToUnixTimeMilliseconds(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs signing out of the same session at once: fine when the other one recorded it.
            if (!await IsEndedAsync(sessionId, cancellationToken))
            {
                throw;
            }
        }
    }

    public async Task<bool> IsRevokedAsync(string userId, string? sessionId, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        // One context for both reads. The portal serves this check from CachedPortalSessionRevocations; this is its source.
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (sessionId is not null && await db.EndedSessions.AsNoTracking().AnyAsync(r => r.SessionId == sessionId, cancellationToken))
        {
            return true;
        }

        return (await FindCutoffAsync(db, userId, cancellationToken)).Ends(sessionId, signedInAt);
    }

    /// <summary>The user's revocation, or <see cref="SessionCutoff.None"/>.</summary>
    public async Task<SessionCutoff> FindCutoffAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await FindCutoffAsync(db, userId, cancellationToken);
    }

    /// <summary>Whether the session was ended on its own (signed out).</summary>
    public async Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.EndedSessions.AsNoTracking().AnyAsync(r => r.SessionId == sessionId, cancellationToken);
    }

    /// <summary>Removes the ended session's row: by its id, or by the Auth0 session it rode on (<see cref="Auth0SessionKeys"/>).</summary>
    private static Task<int> ForgetPortalSessionAsync(PortalDbContext db, string userKey, string sessionId, CancellationToken cancellationToken) =>
        Auth0SessionKeys.Auth0SessionIdOf(sessionId) is { } auth0SessionId
            ? db.PortalSessions.Where(r => r.UserKey == userKey && r.Auth0SessionId == auth0SessionId).ExecuteDeleteAsync(cancellationToken)
            : db.PortalSessions.Where(r => r.UserKey == userKey && r.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);

    private async Task<SessionCutoff> FindCutoffAsync(PortalDbContext db, string userId, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var row = await db.SessionRevocations.AsNoTracking().SingleOrDefaultAsync(r => r.UserKey == userKey, cancellationToken);
        return row is null ? SessionCutoff.None : new SessionCutoff(row.RevokedBeforeMs, row.KeepSessionId);
    }
}
