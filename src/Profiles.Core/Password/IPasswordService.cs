using Profiles.Core.Results;

namespace Profiles.Core.Password;

/// <summary>The password journey's rules. The user id always comes from the signed-in principal; the email and connection
/// always come from the user's stored profile, never from a form.</summary>
public interface IPasswordService
{
    Task<PasswordAccount> GetAccountAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Asks Auth0 to email a reset link (<c>/dbconnections/change_password</c>), at most once per cooldown. Never retried.</summary>
    Task<ServiceResult> SendResetLinkAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Sets a new password (<c>PATCH /users/{id}</c> with the connection), then ends the user's other portal sessions
    /// (keeping <paramref name="keepSessionId"/>) and, if configured, their Auth0 sessions, and notifies their verified address.</summary>
    Task<ServiceResult<IReadOnlyList<PasswordRule>>> ChangePasswordAsync(string userId, string? keepSessionId, string? newPassword, string? confirmation, CancellationToken cancellationToken);
}
