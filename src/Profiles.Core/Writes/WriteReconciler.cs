using Microsoft.Extensions.Logging;
using Profiles.Core.Management;
using Profiles.Core.Profiles;

namespace Profiles.Core.Writes;

/// <summary>
/// The one rule for a Management API write whose answer is lost (timeout, dropped connection, 5xx after the request may have
/// reached Auth0): re-read the user once, through the normal client (paced, within its request budget), and report what is
/// actually stored. The profile cache is dropped on every uncertain outcome, so no later decision is taken on stale data.
/// Refusals (4xx but 429) are certain and are rethrown unchanged.
/// </summary>
public sealed partial class WriteReconciler(IProfileService profiles, ILogger logger)
{
    /// <summary>True when the write may have taken effect although no answer says so: every failure that means "Auth0 could not
    /// answer now" (<see cref="ManagementApiException.IsTransient"/>). A call ends on its last attempt's failure, and an earlier
    /// attempt's answer may have been lost: a 429 or an open circuit after a timed-out attempt says nothing about that one.</summary>
    public static bool IsUncertain(ManagementApiException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.IsTransient;
    }

    /// <summary>Runs <paramref name="write"/>; when its answer is lost, re-reads <paramref name="userId"/> (which also drops the
    /// cached profile) and asks <paramref name="isApplied"/> whether the change is there.</summary>
    public async Task<WriteReconciliation<T>> WriteAsync<T>(string userId, Func<CancellationToken, Task<T>> write, Func<UserProfile, bool> isApplied,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(isApplied);
        ManagementApiException lost;
        try
        {
            return new WriteReconciliation<T>(WriteOutcome.Saved, await write(cancellationToken), null, null);
        }
        catch (ManagementApiException ex) when (IsUncertain(ex))
        {
            lost = ex;
        }

        UserProfile stored;
        try
        {
            stored = await profiles.RefreshProfileAsync(userId, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.IsTransient)
        {
            LogUnconfirmed(logger, (int)lost.StatusCode, lost.ErrorCode, (int)ex.StatusCode, ex.ErrorCode);
            return new WriteReconciliation<T>(WriteOutcome.Unconfirmed, default, null, lost);
        }

        var outcome = isApplied(stored) ? WriteOutcome.Saved : WriteOutcome.NotSaved;
        LogReconciled(logger, (int)lost.StatusCode, lost.ErrorCode, outcome);
        return new WriteReconciliation<T>(outcome, default, stored, lost);
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning,
        Message = "A Management API write lost its answer ({Status}, {ErrorCode}); the re-read shows it {Outcome}")]
    private static partial void LogReconciled(ILogger logger, int status, string? errorCode, WriteOutcome outcome);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Warning,
        Message = "A Management API write lost its answer ({Status}, {ErrorCode}) and the re-read failed too ({ReadStatus}, {ReadErrorCode}); the outcome is unknown")]
    private static partial void LogUnconfirmed(ILogger logger, int status, string? errorCode, int readStatus, string? readErrorCode);
}
