using Profiles.Core.Results;

namespace Profiles.Core.Data;

/// <summary>"Delete my account": schedules a request (or deletes at once when there is no grace period), cancels it, and
/// says whether one is open.</summary>
public interface IAccountDeletionService
{
    /// <summary>Days between the request and the deletion (0: at once).</summary>
    int GracePeriodDays { get; }

    /// <summary>The user's open request (pending, under way, or failed and waiting for an operator), if any.</summary>
    Task<DeletionRequestInfo?> FindOpenAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The pending request a cancel link points to; null when the token is unknown or already used. Changes nothing.</summary>
    Task<DeletionRequestInfo?> FindByCancelTokenAsync(string? token, CancellationToken cancellationToken);

    /// <summary>Schedules the deletion of <paramref name="userId"/>'s account. <paramref name="cancelPage"/> is the absolute URL
    /// of the cancel page; the token goes in its query. A second request while one is open reuses it. Without
    /// <paramref name="confirmed"/> (the typed confirmation did not match) nothing changes and the refusal is recorded.</summary>
    Task<ServiceResult<DeletionRequestInfo>> RequestAsync(string userId, bool confirmed, Uri cancelPage, CancellationToken cancellationToken);

    /// <summary>Cancels the signed-in user's pending request (the banner's button).</summary>
    Task<ServiceResult> CancelAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Cancels the request the emailed link names; the token works once.</summary>
    Task<ServiceResult> CancelByTokenAsync(string? token, CancellationToken cancellationToken);
}
