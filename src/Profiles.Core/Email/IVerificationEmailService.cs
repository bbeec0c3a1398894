using Profiles.Core.Results;

namespace Profiles.Core.Email;

/// <summary>Resends Auth0's verification email with a per-user cooldown kept in the portal database.</summary>
public interface IVerificationEmailService
{
    /// <summary>Starts <c>POST /jobs/verification-email</c> once (never retried after a timeout or server error).</summary>
    Task<ServiceResult> ResendAsync(string userId, CancellationToken cancellationToken);

    /// <summary>How long until the user may ask again (zero when they may now).</summary>
    Task<TimeSpan> CooldownRemainingAsync(string userId, CancellationToken cancellationToken);
}
