namespace Profiles.Core.Profiles;

/// <summary>The outcome of a profile change: expected failures are results, not exceptions (design §4).</summary>
public sealed class ProfileResult
{
    private ProfileResult(UserProfile? profile, ProfileError? error, IReadOnlyDictionary<string, ProfileError> fieldErrors, TimeSpan? retryAfter)
    {
        Profile = profile;
        Error = error;
        FieldErrors = fieldErrors;
        RetryAfter = retryAfter;
    }

    public bool Succeeded => Error is null && FieldErrors.Count == 0;

    /// <summary>The profile after the change (from the PATCH response).</summary>
    public UserProfile? Profile { get; }

    /// <summary>A failure of the whole operation (e.g. <c>Profile.RateLimited</c>, <c>Profile.Unavailable</c>).</summary>
    public ProfileError? Error { get; }

    /// <summary>Failures by field key (profile field name or preference key).</summary>
    public IReadOnlyDictionary<string, ProfileError> FieldErrors { get; }

    /// <summary>When the change may be retried, for rate-limit failures.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when nothing had changed, so nothing was sent.</summary>
    public bool NothingChanged { get; private init; }

    public static ProfileResult Ok(UserProfile profile) => new(profile, null, new Dictionary<string, ProfileError>(), null);

    public static ProfileResult Unchanged(UserProfile profile) => new(profile, null, new Dictionary<string, ProfileError>(), null) { NothingChanged = true };

    public static ProfileResult Failed(ProfileError error, TimeSpan? retryAfter = null) => new(null, error, new Dictionary<string, ProfileError>(), retryAfter);

    public static ProfileResult Invalid(IReadOnlyDictionary<string, ProfileError> fieldErrors) => new(null, null, fieldErrors, null);
}
