using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Core.Security;
using Profiles.Core.Telemetry;

namespace Profiles.Core.Data;

/// <summary>
/// Carries out due deletion requests. All state is in <c>deletion_requests</c>: a request is claimed with optimistic
/// concurrency (<see cref="DeletionRequestRow.Version"/>), so two workers never run the same one; a claim expires after
/// <see cref="DeletionOptions.ClaimTimeoutMinutes"/>, so a worker that stopped half-way is picked up again; and every Auth0
/// step is safe to repeat, so picking it up again finishes the job instead of failing it.
/// </summary>
public sealed partial class DeletionProcessor(
    IDbContextFactory<PortalDbContext> factory,
    IUsersClient users,
    ISessionsClient sessions,
    ISecurityEventLog securityEvents,
    IPortalSessionRevocations revocations,
    JourneyMetrics journeys,
    IOptions<DeletionOptions> options,
    TimeProvider timeProvider,
    ILogger<DeletionProcessor> logger)
{
    private const int BatchSize = 20;

    /// <summary>Processes every request that is due (and retires old closed ones); returns how many accounts were deleted.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        await SweepAsync(cancellationToken);
        var now = Now();
        List<Guid> due;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.DeletionRequests.AsNoTracking()
                .Where(r => (r.Status == DeletionStatus.Pending && r.DueAtMs <= now && r.NextAttemptAtMs <= now)
                            || (r.Status == DeletionStatus.InProgress && r.NextAttemptAtMs <= now))
                .OrderBy(r => r.DueAtMs)
                .Select(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var deleted = 0;
        foreach (var id in due)
        {
            if (await ProcessAsync(id, cancellationToken) == DeletionRunOutcome.Completed)
            {
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>Claims and carries out one request if it is due and not claimed by someone else.</summary>
    public async Task<DeletionRunOutcome> ProcessAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var claimed = await TryClaimAsync(requestId, cancellationToken);
        if (claimed is null)
        {
            return DeletionRunOutcome.NotClaimed;
        }

        try
        {
            int identities;
            try
            {
                identities = await DeleteAtAuth0Async(claimed, cancellationToken);
            }
            catch (ManagementApiException ex)
            {
                var code = ex.IsTransportFailure ? ex.ErrorCode! : "http_" + ((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return await RecordFailureAsync(claimed, code, cancellationToken);
            }

            await HoldClaimAsync(claimed, cancellationToken);
            await revocations.RevokeAsync(claimed.UserId, null, cancellationToken);
            await securityEvents.DeleteAllAsync(claimed.UserId, cancellationToken);
            await DeleteConsentRecordsAsync(claimed.UserKey, cancellationToken);
            await CloseAsync(claimed, identities, cancellationToken);
            LogDeleted(logger, claimed.Id, identities, claimed.Attempts + 1);
            journeys.Record(JourneyNames.Data, JourneyOutcomes.DeletionDone);
            return DeletionRunOutcome.Completed;
        }
        catch (Exception ex) when (ex is DeletionClaimLostException or DbUpdateConcurrencyException)
        {
            LogClaimLost(logger, claimed.Id);
            return DeletionRunOutcome.ClaimLost;
        }
    }

    /// <summary>Before each step that changes something: a worker stopped for longer than the claim timeout (a paused process,
    /// a call that hung) finds the request taken over by another worker and stops, instead of repeating that worker's steps
    /// or overwriting its outcome.</summary>
    private async Task HoldClaimAsync(DeletionRequestRow claimed, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var version = await db.DeletionRequests.AsNoTracking().Where(r => r.Id == claimed.Id).Select(r => (long?)r.Version)
            .SingleOrDefaultAsync(cancellationToken);
        if (version != claimed.Version)
        {
            throw new DeletionClaimLostException();
        }
    }

    /// <summary>The consent history goes with the account: there is nobody left whose consent it proves.</summary>
    private async Task DeleteConsentRecordsAsync(string userKey, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.ConsentRecords.Where(c => c.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<DeletionRequestRow?> TryClaimAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.DeletionRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var claimable = row is not null && row.NextAttemptAtMs <= now &&
                        ((row.Status == DeletionStatus.Pending && row.DueAtMs <= now) || row.Status == DeletionStatus.InProgress);
        if (!claimable)
        {
            return null;
        }

        if (row!.Status == DeletionStatus.InProgress)
        {
            LogClaimExpired(logger, row.Id);
        }

        row.Status = DeletionStatus.InProgress;
        row.NextAttemptAtMs = now + (long)TimeSpan.FromMinutes(options.Value.ClaimTimeoutMinutes).TotalMilliseconds;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return row;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another worker (or a cancel) changed the row since we read it: it is theirs.
            return null;
        }
    }

    /// <summary>
    /// The safe sequence (docs/journeys/data.md): record the linked identities in <c>app_metadata</c>, end the Auth0
    /// sessions, unlink and delete each secondary as a user of its own, then delete the primary. Returns the number of
    /// identities removed. A primary that no longer exists means a previous attempt got that far: nothing is left to do.
    /// </summary>
    private async Task<int> DeleteAtAuth0Async(DeletionRequestRow claimed, CancellationToken cancellationToken)
    {
        var userId = claimed.UserId;
        Auth0User user;
        try
        {
            user = await users.GetAsync(userId, "user_id,identities,app_metadata", cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        var secondaries = (user.Identities ?? []).Skip(1)
            .Where(i => !string.IsNullOrEmpty(i.Provider) && !string.IsNullOrEmpty(i.UserId))
            .ToList();
        var recorded = RecordedIdentities(user.AppMetadata);
        var all = recorded.Union(secondaries.Select(FullId), StringComparer.Ordinal).ToList();
        await HoldClaimAsync(claimed, cancellationToken);
        if (all.Count > recorded.Count)
        {
            var mark = new JsonObject { [AccountMetadataKeys.DeletionIdentities] = new JsonArray(all.Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()) };
            await users.UpdateAsync(userId, new UserUpdateRequest { AppMetadata = mark }, cancellationToken);
        }

        if (options.Value.EndAuth0Sessions)
        {
            await EndAuth0SessionsAsync(userId, cancellationToken);
        }

        foreach (var identity in secondaries)
        {
            await HoldClaimAsync(claimed, cancellationToken);
            await IgnoreNotFoundAsync(() => users.UnlinkAccountAsync(userId, identity.Provider!, identity.UserId!, cancellationToken));
            await IgnoreNotFoundAsync(() => users.DeleteAsync(FullId(identity), cancellationToken));
        }

        // Unlinked by an earlier attempt that stopped before deleting them: they are standalone users now.
        foreach (var id in recorded.Except(secondaries.Select(FullId), StringComparer.Ordinal))
        {
            await HoldClaimAsync(claimed, cancellationToken);
            await IgnoreNotFoundAsync(() => users.DeleteAsync(id, cancellationToken));
        }

        await HoldClaimAsync(claimed, cancellationToken);
        await IgnoreNotFoundAsync(() => users.DeleteAsync(userId, cancellationToken));
        return all.Count + 1;
    }

    private static string FullId(Auth0Identity identity) => identity.Provider + "|" + identity.UserId;

    /// <summary>The sessions endpoint exists on Enterprise plans only (and needs <c>delete:sessions</c>): refused or missing, the
    /// erasure goes on without it — deleting the user ends their sessions at Auth0 anyway — and the skip is logged.</summary>
    private async Task EndAuth0SessionsAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            await sessions.DeleteUserSessionsAsync(userId, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.NotImplemented)
        {
            LogSessionsSkipped(logger, (int)ex.StatusCode);
        }
    }

    private static List<string> RecordedIdentities(JsonObject? appMetadata) =>
        appMetadata?[AccountMetadataKeys.DeletionIdentities] is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];

    private static async Task IgnoreNotFoundAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ManagementApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: the step was done by an earlier attempt.
        }
    }

    /// <summary>Erases the user's portal records, keeps the anonymous audit and closes the request. The request keeps only
    /// its pseudonymous key (no Auth0 id) until <see cref="SweepAsync"/> retires it with the session revocation it guards.</summary>
    private async Task CloseAsync(DeletionRequestRow claimed, int identities, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.ActionCooldowns.Where(c => c.UserKey == claimed.UserKey).ExecuteDeleteAsync(cancellationToken);
        await db.PendingEmailChanges.Where(p => p.UserKey == claimed.UserKey).ExecuteDeleteAsync(cancellationToken);
        if (!await db.DeletionAudit.AnyAsync(a => a.RequestId == claimed.Id, cancellationToken))
        {
            db.DeletionAudit.Add(new DeletionAuditRow
            {
                RequestId = claimed.Id,
                Outcome = DeletionStatus.Completed,
                RequestedAtMs = claimed.RequestedAtMs,
                CompletedAtMs = now,
                IdentitiesRemoved = identities,
            });
        }

        var row = await db.DeletionRequests.SingleAsync(r => r.Id == claimed.Id, cancellationToken);
        if (row.Version != claimed.Version)
        {
            throw new DeletionClaimLostException();
        }

        row.Status = DeletionStatus.Completed;
        row.UserId = "";
        row.CancelTokenHash = "";
        row.LastError = null;
        row.CompletedAtMs = now;
        row.Attempts++;
        row.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<DeletionRunOutcome> RecordFailureAsync(DeletionRequestRow claimed, string code, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.DeletionRequests.SingleAsync(r => r.Id == claimed.Id, cancellationToken);
        if (row.Version != claimed.Version)
        {
            throw new DeletionClaimLostException();
        }

        row.Attempts++;
        row.LastError = code.Length > 64 ? code[..64] : code;
        row.Version++;
        var gaveUp = row.Attempts >= settings.MaxAttempts;
        if (gaveUp)
        {
            row.Status = DeletionStatus.Failed;
        }
        else
        {
            var delay = TimeSpan.FromSeconds(Math.Min(86_400d, settings.RetryBaseSeconds * Math.Pow(2, row.Attempts - 1)));
            row.Status = DeletionStatus.Pending;
            row.NextAttemptAtMs = Now() + (long)delay.TotalMilliseconds;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (gaveUp)
        {
            LogGaveUp(logger, row.Id, row.Attempts, row.LastError);
            journeys.Record(JourneyNames.Data, JourneyOutcomes.DeletionGaveUp);
            return DeletionRunOutcome.GaveUp;
        }

        LogWillRetry(logger, row.Id, row.Attempts, row.LastError);
        return DeletionRunOutcome.WillRetry;
    }

    /// <summary>Removes closed requests once every portal session that began before them has expired, with the session
    /// revocation a completed deletion left behind.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = Now() - (long)TimeSpan.FromHours(options.Value.SessionRecordHours).TotalMilliseconds;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var old = await db.DeletionRequests
            .Where(r => (r.Status == DeletionStatus.Completed || r.Status == DeletionStatus.Cancelled) && r.CompletedAtMs != null && r.CompletedAtMs < cutoff)
            .OrderBy(r => r.CompletedAtMs).ThenBy(r => r.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        foreach (var row in old.Where(r => r.Status == DeletionStatus.Completed))
        {
            await db.SessionRevocations.Where(s => s.UserKey == row.UserKey && s.RevokedBeforeMs <= row.CompletedAtMs)
                .ExecuteDeleteAsync(cancellationToken);
        }

        db.DeletionRequests.RemoveRange(old);
        await db.SaveChangesAsync(cancellationToken);
    }

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Ending Auth0 sessions was refused ({StatusCode}); the deletion goes on without it")]
    private static partial void LogSessionsSkipped(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Deletion request {RequestId} completed: {Identities} identities removed, attempt {Attempt}")]
    private static partial void LogDeleted(ILogger logger, Guid requestId, int identities, int attempt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Deletion request {RequestId} attempt {Attempt} failed ({ErrorCode}); will retry")]
    private static partial void LogWillRetry(ILogger logger, Guid requestId, int attempt, string? errorCode);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Deletion request {RequestId} failed after {Attempt} attempts ({ErrorCode}); an operator must look at it")]
    private static partial void LogGaveUp(ILogger logger, Guid requestId, int attempt, string? errorCode);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Deletion request {RequestId} was taken over by another worker while this one was stopped; this one leaves it")]
    private static partial void LogClaimLost(ILogger logger, Guid requestId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Deletion request {RequestId} was left in progress by a worker that stopped; claiming it again")]
    private static partial void LogClaimExpired(ILogger logger, Guid requestId);
}
