using Microsoft.EntityFrameworkCore;
using Profiles.Core.Data;

namespace Profiles.Core.Security;

/// <summary>Revocations in table <c>session_revocations</c>: one row per user, a cut-off instant and the session to keep.
/// Checked on every authenticated request (a primary-key read), so a revoked session ends at once, not after an interval.</summary>
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
    }

    public async Task<bool> IsRevokedAsync(string userId, string? sessionId, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SessionRevocations.AsNoTracking().SingleOrDefaultAsync(r => r.UserKey == userKey, cancellationToken);
        if (row is null || signedInAt.ToUnixTimeMilliseconds() > row.RevokedBeforeMs)
        {
            return false;
        }

        return sessionId is null || !string.Equals(sessionId, row.KeepSessionId, StringComparison.Ordinal);
    }
}
