using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;
using Profiles.Core.Security;

namespace Profiles.Core.Data;

/// <summary>The <c>deletion_requests</c> rows of the "delete my account" journey, filed under the user's pseudonymous key.
/// At most one request per user is open (pending, under way, or failed and waiting to be asked again): the database's
/// filtered unique index enforces it. The writes that open a request (a new one, a cancel put back) forget the cached
/// "no open request" answer (<see cref="OpenDeletionCache"/>) before the user's next page.</summary>
public sealed class DeletionRequestStore(
    IDbContextFactory<PortalDbContext> factory, PortalUserKeys userKeys, OpenDeletionCache openDeletions, TimeProvider timeProvider)
{
    private static readonly string[] OpenStatuses = [DeletionStatus.Pending, DeletionStatus.InProgress, DeletionStatus.Failed];
    private static readonly string[] CancellableStatuses = [DeletionStatus.Pending, DeletionStatus.Failed];

    public Task<string> KeyForAsync(string userId, CancellationToken cancellationToken) => userKeys.ForAsync(userId, cancellationToken);

    public async Task<DeletionRequestRow?> FindOpenAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.DeletionRequests.AsNoTracking()
            .Where(r => r.UserKey == userKey && OpenStatuses.Contains(r.Status))
            .OrderBy(r => r.RequestedAtMs)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The cancellable request a cancel link's token names, if any.</summary>
    public async Task<DeletionRequestRow?> FindByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!CancelTokens.LooksValid(token))
        {
            return null;
        }

        var hash = CancelTokens.Hash(token!);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.DeletionRequests.AsNoTracking()
            .SingleOrDefaultAsync(r => r.CancelTokenHash == hash && CancellableStatuses.Contains(r.Status), cancellationToken);
    }

    /// <summary>A new pending request, due after <paramref name="gracePeriodDays"/>, and the token of its cancel link.</summary>
    public (DeletionRequestRow Row, string Token) Create(string userId, string userKey, int gracePeriodDays)
    {
        var now = timeProvider.GetUtcNow();
        var due = now.AddDays(gracePeriodDays);
        var token = CancelTokens.Create();
        var row = new DeletionRequestRow
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            UserKey = userKey,
            RequestedAtMs = now.ToUnixTimeMilliseconds(),
            DueAtMs = due.ToUnixTimeMilliseconds(),
            NextAttemptAtMs = due.ToUnixTimeMilliseconds(),
            Status = DeletionStatus.Pending,
            CancelTokenHash = CancelTokens.Hash(token),
        };
        return (row, token);
    }

    /// <summary>Inserts <paramref name="row"/> unless the user already has an open request. The database decides: a filtered
    /// unique index allows one open request per user, so of two simultaneous inserts exactly one is stored, whatever their
    /// timestamps; the other one's unique violation means "already requested".</summary>
    public async Task<bool> InsertFirstAsync(DeletionRequestRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.DeletionRequests.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await FindOpenAsync(row.UserKey, cancellationToken) is null)
            {
                throw;
            }

            return false;
        }
        finally
        {
            await openDeletions.ForgetAsync(row.UserId, CancellationToken.None);
        }
    }

    public async Task RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.DeletionRequests.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Makes a failed request pending again (asking again is the user's way to have it tried again).</summary>
    public async Task<DeletionRequestRow> RetryFailedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.DeletionRequests.SingleAsync(r => r.Id == id, cancellationToken);
        row.Status = DeletionStatus.Pending;
        row.Attempts = 0;
        row.NextAttemptAtMs = Math.Max(row.DueAtMs, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        row.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Marks the request cancelled and forgets its user id and token; false when it is no longer cancellable (a
    /// worker claimed it a moment ago, or it is gone).</summary>
    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.DeletionRequests.SingleOrDefaultAsync(r => r.Id == id && CancellableStatuses.Contains(r.Status), cancellationToken);
        if (row is null)
        {
            return false;
        }

        row.Status = DeletionStatus.Cancelled;
        row.UserId = "";
        row.CancelTokenHash = "";
        row.CompletedAtMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A worker claimed it a moment ago: the deletion is under way and can no longer be stopped.
            return false;
        }
    }

    /// <summary>Puts a request whose cancel could not be completed at Auth0 back as it was (same token, so the link still works).</summary>
    public async Task RestoreAsync(DeletionRequestRow original, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.DeletionRequests.SingleAsync(r => r.Id == original.Id, cancellationToken);
        row.Status = original.Status;
        row.UserId = original.UserId;
        row.CancelTokenHash = original.CancelTokenHash;
        row.CompletedAtMs = null;
        row.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await openDeletions.ForgetAsync(original.UserId, cancellationToken);
    }

    public static DeletionRequestInfo Info(DeletionRequestRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.Status, DateTimeOffset.FromUnixTimeMilliseconds(row.RequestedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(row.DueAtMs));
    }
}
