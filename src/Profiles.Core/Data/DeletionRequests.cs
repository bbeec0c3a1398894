using System.Globalization;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Core.Results;
using Profiles.Core.Security;

namespace Profiles.Core.Data;

/// <summary>Asking for the account's deletion: scheduled after the grace period, or carried out at once without one. A
/// second request while one is open reuses it.</summary>
public sealed class DeletionRequests(
    DeletionRequestStore store,
    DeletionMarks marks,
    IActionThrottle throttle,
    DeletionAudit audit,
    DeletionNotices notices,
    DeletionProcessor processor,
    IOptions<DeletionOptions> options)
{
    /// <summary>A short-lived slot in <c>action_cooldowns</c> that serializes one user's simultaneous requests (two tabs,
    /// a double click), so only one of them reads Auth0 and sends the email; the unique index on open requests is the
    /// guarantee behind it.</summary>
    private const string RequestSlot = "deletion_request";

    private int GracePeriodDays => options.Value.GracePeriodDays;

    public async Task<ServiceResult<DeletionRequestInfo>> RequestAsync(string userId, bool confirmed, Uri cancelPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancelPage);
        if (!confirmed)
        {
            await audit.RequestRecordedAsync(userId, SecurityOutcomes.Refused, "confirmation_mismatch", cancellationToken);
            return ServiceResult.FieldError(DeletionRequestCodes.ConfirmationField, DeletionRequestCodes.NotConfirmed).As<DeletionRequestInfo>();
        }

        var userKey = await store.KeyForAsync(userId, cancellationToken);
        var existing = await store.FindOpenAsync(userKey, cancellationToken);
        if (existing is not null)
        {
            return await ReuseAsync(existing, cancellationToken);
        }

        if (!(await throttle.TryAcquireAsync(userId, RequestSlot, TimeSpan.FromMinutes(1), cancellationToken)).Allowed)
        {
            // Another request of this user is being recorded right now: it is the one that counts.
            var concurrent = await store.FindOpenAsync(userKey, cancellationToken);
            return concurrent is null
                ? ServiceResult.Success(DeletionRequestCodes.AlreadyScheduled).As<DeletionRequestInfo>()
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

    private async Task<ServiceResult<DeletionRequestInfo>> ScheduleAsync(string userId, string userKey, Uri cancelPage, CancellationToken cancellationToken)
    {
        Auth0User user;
        try
        {
            user = await marks.ReadAsync(userId, cancellationToken);
        }
        catch (ManagementApiException ex) when (DeletionMarks.IsExpectedFailure(ex))
        {
            return ServiceResult.Busy(DeletionRequestCodes.Unavailable).As<DeletionRequestInfo>();
        }

        var (row, token) = store.Create(userId, userKey, GracePeriodDays);
        if (!await store.InsertFirstAsync(row, cancellationToken))
        {
            return await ReuseAsync((await store.FindOpenAsync(userKey, cancellationToken))!, cancellationToken);
        }

        if (GracePeriodDays == 0)
        {
            await audit.RequestRecordedAsync(userId, SecurityOutcomes.Succeeded, "immediate", cancellationToken);
            return await RunNowAsync(row, cancellationToken);
        }

        try
        {
            await marks.MarkAsync(userId, DateTimeOffset.FromUnixTimeMilliseconds(row.RequestedAtMs), cancellationToken);
        }
        catch (ManagementApiException ex) when (DeletionMarks.IsExpectedFailure(ex))
        {
            await store.RemoveAsync(row.Id, cancellationToken);
            return ServiceResult.Busy(DeletionRequestCodes.Unavailable).As<DeletionRequestInfo>();
        }

        await audit.RequestRecordedAsync(userId, SecurityOutcomes.Succeeded, "grace_" + GracePeriodDays.ToString(CultureInfo.InvariantCulture) + "d",
            cancellationToken);
        audit.Scheduled(row.Id, GracePeriodDays);
        // Only to a verified address: an unverified one may belong to someone else, and the cancel link would be theirs.
        if (!string.IsNullOrEmpty(user.Email) && user.EmailVerified == true)
        {
            var link = new UriBuilder(cancelPage) { Query = "token=" + token }.Uri;
            await notices.SendScheduledAsync(user.Email, user.UserMetadata, DateTimeOffset.FromUnixTimeMilliseconds(row.DueAtMs), link, row.Id,
                cancellationToken);
        }

        return ServiceResults.Success(DeletionRequestStore.Info(row), DeletionRequestCodes.Scheduled);
    }

    private async Task<ServiceResult<DeletionRequestInfo>> ReuseAsync(DeletionRequestRow existing, CancellationToken cancellationToken)
    {
        if (existing.Status == DeletionStatus.Failed)
        {
            existing = await store.RetryFailedAsync(existing.Id, cancellationToken);
        }

        if (GracePeriodDays == 0 && existing.Status == DeletionStatus.Pending)
        {
            return await RunNowAsync(existing, cancellationToken);
        }

        return ServiceResults.Success(DeletionRequestStore.Info(existing), DeletionRequestCodes.AlreadyScheduled);
    }

    private async Task<ServiceResult<DeletionRequestInfo>> RunNowAsync(DeletionRequestRow row, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(row.Id, cancellationToken);
        if (outcome == DeletionRunOutcome.Completed)
        {
            await marks.ForgetAsync(row.UserId, cancellationToken);
            return ServiceResults.Success(DeletionRequestStore.Info(row), DeletionRequestCodes.Deleted);
        }

        return ServiceResults.Success(DeletionRequestStore.Info(row), DeletionRequestCodes.DeletionDeferred);
    }
}
