using Profiles.Core.Profiles;

using Profiles.Core.Results;

namespace Profiles.Core.Terms;

/// <summary>The current terms and the user's acceptance of them.</summary>
public interface ITermsService
{
    /// <summary>The operator's declaration.</summary>
    TermsOptions Current { get; }

    /// <summary>True when acceptance is required and <paramref name="profile"/> has not accepted the current version.</summary>
    bool NeedsAcceptance(UserProfile profile);

    /// <summary>Records acceptance of the current version (and the time, from the portal's clock) in the user's
    /// <c>app_metadata</c> and in their security activity.</summary>
    Task<ServiceResult> AcceptAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Records in the user's security activity that they declined the current version.</summary>
    Task RecordDeclinedAsync(string userId, CancellationToken cancellationToken);
}
