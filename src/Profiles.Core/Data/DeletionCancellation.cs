using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Core.Results;

namespace Profiles.Core.Data;

/// <summary>Cancelling a pending request: from the banner (the signed-in user's own) or from the emailed link (its token
/// works once).</summary>
public sealed class DeletionCancellation(DeletionRequestStore store, DeletionMarks marks, DeletionAudit audit, DeletionNotices notices)
{
    public async Task<ServiceResult> CancelAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await store.FindOpenAsync(await store.KeyForAsync(userId, cancellationToken), cancellationToken);
        return row is null || !string.Equals(row.UserId, userId, StringComparison.Ordinal)
            ? ServiceResult.Refused(CancelDeletionCodes.NotFound)
            : await CancelRowAsync(row, cancellationToken);
    }

    public async Task<ServiceResult> CancelByTokenAsync(string? token, CancellationToken cancellationToken)
    {
        var row = await store.FindByTokenAsync(token, cancellationToken);
        return row is null ? ServiceResult.Refused(CancelDeletionCodes.NotFound) : await CancelRowAsync(row, cancellationToken);
    }

    private async Task<ServiceResult> CancelRowAsync(DeletionRequestRow found, CancellationToken cancellationToken)
    {
        var userId = found.UserId;
        if (!await store.CancelAsync(found.Id, cancellationToken))
        {
            return ServiceResult.Refused(CancelDeletionCodes.NotFound);
        }

        Auth0User updated;
        try
        {
            updated = await marks.ClearAsync(userId, cancellationToken);
        }
        catch (ManagementApiException ex) when (DeletionMarks.IsExpectedFailure(ex))
        {
            await store.RestoreAsync(found, cancellationToken);
            return ServiceResult.Busy(CancelDeletionCodes.Unavailable);
        }

        await audit.CancelledAsync(userId, found.Id, cancellationToken);
        if (!string.IsNullOrEmpty(updated.Email))
        {
            await notices.SendCancelledAsync(updated.Email, updated.UserMetadata, found.Id, cancellationToken);
        }

        return ServiceResult.Success(CancelDeletionCodes.Cancelled);
    }
}
