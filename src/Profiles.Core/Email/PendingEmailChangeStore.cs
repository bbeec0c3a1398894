using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;

namespace Profiles.Core.Email;

/// <summary>The <c>pending_email_changes</c> rows behind <see cref="PendingEmailChanges"/>. Every write that must not race is a
/// single conditional statement (an attempt counted, a code claimed), so two requests cannot both win.</summary>
internal sealed class PendingEmailChangeStore(IDbContextFactory<PortalDbContext> factory)
{
    public async Task<PendingEmailChangeRow?> LoadAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.PendingEmailChanges.AsNoTracking().SingleOrDefaultAsync(p => p.UserKey == userKey, cancellationToken);
    }

    /// <summary>Replaces whatever was pending: only one change at a time, the newest wins.</summary>
    public async Task ReplaceAsync(PendingEmailChangeRow row, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.PendingEmailChanges.Where(p => p.UserKey == row.UserKey).ExecuteDeleteAsync(cancellationToken);
        db.PendingEmailChanges.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Uses up one attempt of the change before its code is compared, in one conditional statement, so parallel
    /// guesses each spend an attempt and no more than <paramref name="maxAttempts"/> codes are ever compared. Returns the
    /// attempts now recorded, or null when the change is gone, expired or out of attempts.</summary>
    public async Task<int?> ReserveAttemptAsync(string userKey, string codeHash, int maxAttempts, long nowMs, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var reserved = await db.PendingEmailChanges
            .Where(p => p.UserKey == userKey && p.CodeHash == codeHash && p.Attempts < maxAttempts && p.ExpiresAtMs > nowMs)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Attempts, p => p.Attempts + 1), cancellationToken);
        if (reserved != 1)
        {
            return null;
        }

        return await db.PendingEmailChanges.AsNoTracking().Where(p => p.UserKey == userKey && p.CodeHash == codeHash)
            .Select(p => (int?)p.Attempts).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Takes the change out for applying it; false when another request took it first.</summary>
    public async Task<bool> ClaimAsync(string userKey, string codeHash, long nowMs, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.PendingEmailChanges.Where(p => p.UserKey == userKey && p.CodeHash == codeHash && p.ExpiresAtMs > nowMs)
            .ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <summary>Puts a claimed change back (Auth0 could not be reached), unless the user has started a new one meanwhile.</summary>
    public async Task RestoreAsync(PendingEmailChangeRow row, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.PendingEmailChanges.AnyAsync(p => p.UserKey == row.UserKey, cancellationToken))
        {
            db.PendingEmailChanges.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<int> DiscardAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.PendingEmailChanges.Where(p => p.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
    }
}
