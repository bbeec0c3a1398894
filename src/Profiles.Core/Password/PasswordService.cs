using Profiles.Core.Profiles;
using Profiles.Core.Results;

namespace Profiles.Core.Password;

/// <summary>The password journey as the pages see it: which identity has the password, the reset link
/// (<see cref="PasswordResetLinks"/>) and the change (<see cref="PasswordChange"/>).</summary>
public sealed class PasswordService(IProfileService profiles, PasswordResetLinks resetLinks, PasswordChange change) : IPasswordService
{
    /// <summary>The cooldown's name in <c>action_cooldowns</c>.</summary>
    public const string ResetLinkAction = "password_reset_link";

    public async Task<PasswordAccount> GetAccountAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var profile = await profiles.GetProfileAsync(userId, cancellationToken);
        var identity = PasswordIdentity.Of(profile);
        var hasDatabase = identity is not null;
        var wait = hasDatabase ? await resetLinks.RemainingAsync(userId, cancellationToken) : TimeSpan.Zero;
        var providers = profile.Identities.Select(i => i.Connection).Distinct(StringComparer.Ordinal).ToList();
        return new PasswordAccount(hasDatabase, wait, identity?.Email, providers);
    }

    public Task<ServiceResult> SendResetLinkAsync(string userId, CancellationToken cancellationToken) =>
        resetLinks.SendAsync(userId, cancellationToken);

    public Task<ServiceResult<IReadOnlyList<PasswordRule>>> ChangePasswordAsync(string userId, string? keepSessionId, string? newPassword,
        string? confirmation, CancellationToken cancellationToken) =>
        change.ChangeAsync(userId, keepSessionId, newPassword, confirmation, cancellationToken);
}
