using Microsoft.Extensions.Options;
using Profiles.Core.Results;

namespace Profiles.Core.Data;

/// <summary>"Delete my account" as the pages see it: the open request, a new one (<see cref="DeletionRequests"/>) and its
/// cancel (<see cref="DeletionCancellation"/>). The deletion itself is <see cref="DeletionProcessor"/>'s.</summary>
public sealed class AccountDeletionService(
    DeletionRequestStore store,
    DeletionRequests requests,
    DeletionCancellation cancellation,
    OpenDeletionCache openDeletions,
    IOptions<DeletionOptions> options) : IAccountDeletionService
{
    public int GracePeriodDays => options.Value.GracePeriodDays;

    /// <summary>The user's open request (pending, under way, or failed and waiting for an operator), if any. Asked on every
    /// page view (the banner), so "none" comes from the cache.</summary>
    public Task<DeletionRequestInfo?> FindOpenAsync(string userId, CancellationToken cancellationToken) =>
        openDeletions.FindOpenAsync(userId, async ct =>
        {
            var row = await store.FindOpenAsync(await store.KeyForAsync(userId, ct), ct);
            return row is null ? null : DeletionRequestStore.Info(row);
        }, cancellationToken);

    /// <summary>The pending request a cancel link points to; null when the token is unknown or already used. Changes nothing.</summary>
    public async Task<DeletionRequestInfo?> FindByCancelTokenAsync(string? token, CancellationToken cancellationToken)
    {
        var row = await store.FindByTokenAsync(token, cancellationToken);
        return row is null ? null : DeletionRequestStore.Info(row);
    }

    public Task<ServiceResult<DeletionRequestInfo>> RequestAsync(string userId, bool confirmed, Uri cancelPage, CancellationToken cancellationToken) =>
        requests.RequestAsync(userId, confirmed, cancelPage, cancellationToken);

    public Task<ServiceResult> CancelAsync(string userId, CancellationToken cancellationToken) => cancellation.CancelAsync(userId, cancellationToken);

    public Task<ServiceResult> CancelByTokenAsync(string? token, CancellationToken cancellationToken) =>
        cancellation.CancelByTokenAsync(token, cancellationToken);
}
