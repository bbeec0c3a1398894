using Profiles.Core.Results;

namespace Profiles.Core.Email;

/// <summary>Changes a database user's email only after they prove they control the new address with a one-time code.</summary>
public interface IEmailChangeService
{
    /// <summary>The user's pending change, or null (an expired one is discarded here).</summary>
    Task<PendingEmailChange?> GetPendingAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Validates the address, replaces any pending change with a new one and sends its code to the new address.</summary>
    Task<ServiceResult> RequestAsync(string userId, string? newEmail, CancellationToken cancellationToken);

    /// <summary>Checks the code; when right (and in time), changes the email in Auth0 and tells the old address.</summary>
    Task<ServiceResult> ConfirmAsync(string userId, string? code, CancellationToken cancellationToken);

    /// <summary>Discards the pending change, if any.</summary>
    Task<ServiceResult> CancelAsync(string userId, CancellationToken cancellationToken);
}
