using Profiles.Core.Results;

namespace Profiles.Core.Profiles;

/// <summary>The profile rules the portal's pages call. The user id always comes from the signed-in principal.</summary>
public interface IProfileService
{
    /// <summary>The user's profile; served from the cache within its window (at most one Management API read per window).</summary>
    Task<UserProfile> GetProfileAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Reads the profile from Auth0 now and replaces the cached copy (after a change made elsewhere, e.g. linking).</summary>
    Task<UserProfile> RefreshProfileAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Validates and saves root profile fields; only changed fields are sent, in exactly one PATCH.</summary>
    Task<ServiceResult<UserProfile>> UpdateProfileAsync(string userId, ProfileEdit edit, CancellationToken cancellationToken);

    /// <summary>Validates and saves the operator-declared preferences (<c>user_metadata</c>) from raw form values keyed by field key.
    /// Undeclared keys are ignored; only changed keys are sent (Auth0 merges <c>user_metadata</c> at the first level).</summary>
    Task<ServiceResult<UserProfile>> UpdatePreferencesAsync(string userId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken);
}
