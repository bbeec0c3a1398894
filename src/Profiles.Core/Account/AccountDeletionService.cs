using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Data;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Security;

namespace Profiles.Core.Account;

/// <summary>"Delete my account": schedules a request (or deletes at once when there is no grace period), cancels it, and
/// says whether one is open. The deletion itself is <see cref="DeletionProcessor"/>'s.</summary>
public sealed partial class AccountDeletionService(
    IDbContextFactory<PortalDbContext> factory,
    PortalUserKeys userKeys,
    IUsersClient users,
    ISecurityEventLog securityEvents,
    IActionThrottle throttle,
    IDeletionNotifications notifications,
    DeletionProcessor processor,
    ProfileCache profileCache,
    IOptions<DeletionOptions> options,
    IOptions<PreferencesOptions> preferences,
    TimeProvider timeProvider,
    ILogger<AccountDeletionService> logger)
{
    /// <summary>A short-lived slot in <c>action_cooldowns</c> that serializes one user's simultaneous requests (two tabs,
    /// a double click): the table's primary key lets only one of them take it, without a schema change.</summary>
    private const string RequestSlot = "deletion_request";

    private static readonly string[] OpenStatuses = [DeletionStatus.Pending, DeletionStatus.InProgress, DeletionStatus.Failed];
    private static readonly string[] CancellableStatuses = [DeletionStatus.Pending, DeletionStatus.Failed];

    public int GracePeriodDays => options.Value.GracePeriodDays;

    /// <summary>The user's open request (pending, under way, or failed and waiting for an operator), if any.</summary>
    public async Task<DeletionRequestInfo?> FindOpenAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await FindOpenRowAsync(await userKeys.ForAsync(userId, cancellationToken), cancellationToken);
        return row is null ? null : Info(row);
    }

    /// <summary>The pending request a cancel link points to; null when the token is unknown or already used. Changes nothing.</summary>
    public async Task<DeletionRequestInfo?> FindByCancelTokenAsync(string? token, CancellationToken cancellationToken)
    {
        var row = await FindByTokenAsync(token, cancellationToken);
        return row is null ? null : Info(row);
    }

    /// <summary>Schedules the deletion of <paramref name="userId"/>'s account. <paramref name="cancelPage"/> is the absolute URL
    /// of the cancel page; the token goes in its query. A second request while one is open reuses it. Without
    /// <paramref name="confirmed"/> (the typed confirmation did not match) nothing changes and the refusal is recorded.</summary>
    public async Task<DeletionRequestResult> RequestAsync(string userId, bool confirmed, Uri cancelPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancelPage);
        if (!confirmed)
        {
            await securityEvents.RecordAsync(userId, SecurityActions.DeletionRequested, SecurityOutcomes.Refused, "confirmation_mismatch", cancellationToken);
            return new DeletionRequestResult(DeletionRequestOutcome.NotConfirmed, null);
        }

        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var existing = await FindOpenRowAsync(userKey, cancellationToken);
        if (existing is not null)
        {
            return await ReuseAsync(existing, cancellationToken);
        }

        if (!(await throttle.TryAcquireAsync(userId, RequestSlot, TimeSpan.FromMinutes(1), cancellationToken)).Allowed)
        {
            // Another request of this user is being recorded right now: it is the one that counts.
            var concurrent = await FindOpenRowAsync(userKey, cancellationToken);
            return concurrent is null
                ? new DeletionRequestResult(DeletionRequestOutcome.Scheduled, null, Reused: true)
                : await ReuseAsync(concurrent, cancellationToken);
        }

        try
        {
            return await ScheduleAsync(userId, userKey, cancelPage, cancellationToken);
        }
        finally
        {
            await throttle.ReleaseAsync(userId, RequestSlot, CancellationToken.None);
        }
    }

    private async Task<DeletionRequestResult> ScheduleAsync(string userId, string userKey, Uri cancelPage, CancellationToken cancellationToken)
    {
        Auth0User user;
        try
        {
            user = await users.GetAsync(userId, null, cancellationToken);
        }
        catch (ManagementApiException ex) when (IsExpectedFailure(ex))
        {
            return new DeletionRequestResult(DeletionRequestOutcome.Unavailable, null);
        }

        var now = timeProvider.GetUtcNow();
        var due = now.AddDays(options.Value.GracePeriodDays);
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
        if (!await InsertFirstAsync(row, cancellationToken))
        {
            return await ReuseAsync((await FindOpenRowAsync(userKey, cancellationToken))!, cancellationToken);
        }

        if (options.Value.GracePeriodDays == 0)
        {
            await securityEvents.RecordAsync(userId, SecurityActions.DeletionRequested, SecurityOutcomes.Succeeded, "immediate", cancellationToken);
            return await RunNowAsync(row, cancellationToken);
        }

        try
        {
            var mark = new JsonObject { [AccountMetadataKeys.DeletionRequestedAt] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) };
            await users.UpdateAsync(userId, new UserUpdateRequest { AppMetadata = mark }, cancellationToken);
            ForgetCachedProfile(userId);
        }
        catch (ManagementApiException ex) when (IsExpectedFailure(ex))
        {
            await RemoveAsync(row.Id, cancellationToken);
            return new DeletionRequestResult(DeletionRequestOutcome.Unavailable, null);
        }

        await securityEvents.RecordAsync(userId, SecurityActions.DeletionRequested, SecurityOutcomes.Succeeded,
            "grace_" + options.Value.GracePeriodDays.ToString(CultureInfo.InvariantCulture) + "d", cancellationToken);
        LogScheduled(logger, row.Id, options.Value.GracePeriodDays);
        // Only to a verified address: an unverified one may belong to someone else, and the cancel link would be theirs.
        if (!string.IsNullOrEmpty(user.Email) && user.EmailVerified == true)
        {
            var link = new UriBuilder(cancelPage) { Query = "token=" + token }.Uri;
            await NotifyAsync(() => notifications.SendScheduledAsync(user.Email, PreferredLanguage(user.UserMetadata), due, link, cancellationToken), row.Id);
        }

        return new DeletionRequestResult(DeletionRequestOutcome.Scheduled, Info(row));
    }

    /// <summary>Cancels the signed-in user's pending request (the banner's button).</summary>
    public async Task<CancelDeletionOutcome> CancelAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await FindOpenRowAsync(await userKeys.ForAsync(userId, cancellationToken), cancellationToken);
        return row is null || !string.Equals(row.UserId, userId, StringComparison.Ordinal)
            ? CancelDeletionOutcome.NotFound
            : await CancelRowAsync(row, cancellationToken);
    }

    /// <summary>Cancels the request the emailed link names; the token works once.</summary>
    public async Task<CancelDeletionOutcome> CancelByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        var row = await FindByTokenAsync(token, cancellationToken);
        return row is null ? CancelDeletionOutcome.NotFound : await CancelRowAsync(row, cancellationToken);
    }

    private async Task<DeletionRequestResult> ReuseAsync(DeletionRequestRow existing, CancellationToken cancellationToken)
    {
        if (existing.Status == DeletionStatus.Failed)
        {
            // Asking again is the user's way to have a failed deletion tried again.
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var row = await db.DeletionRequests.SingleAsync(r => r.Id == existing.Id, cancellationToken);
            row.Status = DeletionStatus.Pending;
            row.Attempts = 0;
            row.NextAttemptAtMs = Math.Max(row.DueAtMs, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            row.Version++;
            await db.SaveChangesAsync(cancellationToken);
            existing = row;
        }

        if (options.Value.GracePeriodDays == 0 && existing.Status == DeletionStatus.Pending)
        {
            return await RunNowAsync(existing, cancellationToken);
        }

        return new DeletionRequestResult(DeletionRequestOutcome.Scheduled, Info(existing), Reused: true);
    }

    private async Task<DeletionRequestResult> RunNowAsync(DeletionRequestRow row, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(row.Id, cancellationToken);
        if (outcome == DeletionRunOutcome.Completed)
        {
            ForgetCachedProfile(row.UserId);
            return new DeletionRequestResult(DeletionRequestOutcome.Deleted, Info(row));
        }

        return new DeletionRequestResult(DeletionRequestOutcome.DeletionDeferred, Info(row));
    }

    private async Task<CancelDeletionOutcome> CancelRowAsync(DeletionRequestRow found, CancellationToken cancellationToken)
    {
        var userId = found.UserId;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var row = await db.DeletionRequests.SingleOrDefaultAsync(r => r.Id == found.Id && CancellableStatuses.Contains(r.Status), cancellationToken);
            if (row is null)
            {
                return CancelDeletionOutcome.NotFound;
            }

            row.Status = DeletionStatus.Cancelled;
            row.UserId = "";
            row.CancelTokenHash = "";
            row.CompletedAtMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            row.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A worker claimed it a moment ago: the deletion is under way and can no longer be stopped.
                return CancelDeletionOutcome.NotFound;
            }
        }

        Auth0User updated;
        try
        {
            // Both marks: a request that failed half-way and is now cancelled may also have recorded its identities.
            var clear = new JsonObject { [AccountMetadataKeys.DeletionRequestedAt] = null, [AccountMetadataKeys.DeletionIdentities] = null };
            updated = await users.UpdateAsync(userId, new UserUpdateRequest { AppMetadata = clear }, cancellationToken);
            ForgetCachedProfile(userId);
        }
        catch (ManagementApiException ex) when (IsExpectedFailure(ex))
        {
            await RestoreAsync(found, cancellationToken);
            return CancelDeletionOutcome.Unavailable;
        }

        await securityEvents.RecordAsync(userId, SecurityActions.DeletionCancelled, SecurityOutcomes.Succeeded, null, cancellationToken);
        LogCancelled(logger, found.Id);
        if (!string.IsNullOrEmpty(updated.Email))
        {
            await NotifyAsync(() => notifications.SendCancelledAsync(updated.Email, PreferredLanguage(updated.UserMetadata), cancellationToken), found.Id);
        }

        return CancelDeletionOutcome.Cancelled;
    }

    /// <summary>Puts a request whose cancel could not be completed at Auth0 back as it was (same token, so the link still works).</summary>
    private async Task RestoreAsync(DeletionRequestRow original, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.DeletionRequests.SingleAsync(r => r.Id == original.Id, cancellationToken);
        row.Status = original.Status;
        row.UserId = original.UserId;
        row.CancelTokenHash = original.CancelTokenHash;
        row.CompletedAtMs = null;
        row.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Inserts the request unless another one for the same user got in first (two clicks at once).</summary>
    private async Task<bool> InsertFirstAsync(DeletionRequestRow row, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.DeletionRequests.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        var first = await db.DeletionRequests.AsNoTracking()
            .Where(r => r.UserKey == row.UserKey && OpenStatuses.Contains(r.Status))
            .OrderBy(r => r.RequestedAtMs).ThenBy(r => r.Id)
            .Select(r => r.Id)
            .FirstAsync(cancellationToken);
        if (first == row.Id)
        {
            return true;
        }

        db.DeletionRequests.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return false;
    }

    private async Task RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.DeletionRequests.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<DeletionRequestRow?> FindOpenRowAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.DeletionRequests.AsNoTracking()
            .Where(r => r.UserKey == userKey && OpenStatuses.Contains(r.Status))
            .OrderBy(r => r.RequestedAtMs)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<DeletionRequestRow?> FindByTokenAsync(string? token, CancellationToken cancellationToken)
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

    private string? PreferredLanguage(JsonObject? userMetadata) => preferences.Value.UiLanguageOf(userMetadata);

    /// <summary>The email is a courtesy on top of the banner and the pages: a failed send never undoes the request.</summary>
    private async Task NotifyAsync(Func<Task> send, Guid requestId)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, CancellationToken.None))
        {
            LogEmailFailed(logger, requestId, ex.GetType().Name);
        }
    }

    private void ForgetCachedProfile(string userId) => profileCache.Forget(userId);

    private static bool IsExpectedFailure(ManagementApiException ex) =>
        ex.IsTransient || ex.StatusCode == HttpStatusCode.BadRequest;

    private static DeletionRequestInfo Info(DeletionRequestRow row) => new(
        row.Id,
        row.Status,
        DateTimeOffset.FromUnixTimeMilliseconds(row.RequestedAtMs),
        DateTimeOffset.FromUnixTimeMilliseconds(row.DueAtMs));

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Deletion request {RequestId} scheduled after {GraceDays} days")]
    private static partial void LogScheduled(ILogger logger, Guid requestId, int graceDays);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Deletion request {RequestId} cancelled")]
    private static partial void LogCancelled(ILogger logger, Guid requestId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Email about deletion request {RequestId} could not be sent ({ExceptionType})")]
    private static partial void LogEmailFailed(ILogger logger, Guid requestId, string exceptionType);
}
