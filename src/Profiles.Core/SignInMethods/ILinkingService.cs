using Profiles.Core.Results;

namespace Profiles.Core.SignInMethods;

/// <summary>The rules of linking and unlinking sign-in methods. The user id always comes from the signed-in principal.</summary>
public interface ILinkingService
{
    /// <summary>Whether the user may start linking <paramref name="connection"/> (known connection, verified email when the
    /// connection requires it), before they are sent to sign in with it.</summary>
    Task<ServiceResult> CanStartAsync(string userId, string connection, CancellationToken cancellationToken);

    /// <summary>Checks the candidate against every rule and describes it; changes nothing.</summary>
    Task<ServiceResult<LinkPreview>> PreviewAsync(string userId, LinkCandidate candidate, CancellationToken cancellationToken);

    /// <summary>Checks again, links the candidate as a secondary identity, refreshes the profile, notifies the user and records
    /// the event.</summary>
    Task<ServiceResult<LinkPreview>> LinkAsync(string userId, LinkCandidate candidate, CancellationToken cancellationToken);

    /// <summary>Unlinks a secondary identity of the user (never the main one, never the last one).</summary>
    Task<ServiceResult> UnlinkAsync(string userId, string provider, string identityUserId, CancellationToken cancellationToken);
}
