using Profiles.Core.Profiles;
using Profiles.Core.Results;

namespace Profiles.Core.Consent;

/// <summary>Consent-type preferences and their history. The user id always comes from the signed-in principal.</summary>
public interface IConsentService
{
    /// <summary>Saves preferences like <see cref="IProfileService.UpdatePreferencesAsync"/> and records every consent it gives or
    /// withdraws. A consent waiting for renewal is renewed when submitted ticked and left waiting (never withdrawn) when submitted
    /// unticked.</summary>
    Task<ServiceResult<UserProfile>> SavePreferencesAsync(string userId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken);

    /// <summary>Withdraws one declared consent (only that key changes) and records it.</summary>
    Task<ServiceResult<UserProfile>> WithdrawAsync(string userId, string fieldKey, CancellationToken cancellationToken);

    /// <summary>Gives a consent waiting for renewal again under the current wording (<see cref="ConsentState.NeedsRenewal"/>) and
    /// records it; anything else is left as it is (<c>NothingChanged</c>).</summary>
    Task<ServiceResult<UserProfile>> RenewAsync(string userId, string fieldKey, CancellationToken cancellationToken);

    /// <summary>The declared consents' current state (from <paramref name="profile"/>) and the recorded history.</summary>
    Task<ConsentOverview> GetOverviewAsync(UserProfile profile, CancellationToken cancellationToken);
}
