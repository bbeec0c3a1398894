namespace Profiles.Core.Profiles;

/// <summary>The <see cref="ProfileError.Code"/> values the services return (resource keys for the portal).</summary>
public static class ProfileErrorCodes
{
    /// <summary>The identity provider owns the profile fields. No arguments.</summary>
    public const string ReadOnly = "Profile.ReadOnly";

    /// <summary>Too many requests; the result's <see cref="Results.ServiceResult.RetryAfter"/> says when to try again. Argument: seconds to wait (0 = unknown).</summary>
    public const string RateLimited = "Profile.RateLimited";

    /// <summary>Auth0 refused the values (400). No arguments.</summary>
    public const string Rejected = "Profile.Rejected";

    /// <summary>Auth0 did not answer in time or failed. No arguments.</summary>
    public const string Unavailable = "Profile.Unavailable";

    /// <summary>Auth0's answer was lost and the re-read failed too: the change may or may not be stored. No arguments.</summary>
    public const string Unconfirmed = "Profile.Unconfirmed";

    /// <summary>A profile field is longer than allowed. Argument: the maximum length.</summary>
    public const string TooLong = "Profile.TooLong";

    /// <summary>The picture is not an absolute https URL of at most 2000 characters. No arguments.</summary>
    public const string InvalidPicture = "Profile.InvalidPicture";

    /// <summary>A required preference is empty. No arguments.</summary>
    public const string PreferenceRequired = "Preferences.Required";

    /// <summary>A preference text is too long. Argument: the maximum length.</summary>
    public const string PreferenceTooLong = "Preferences.TooLong";

    /// <summary>A value that is not one of the offered choices. No arguments.</summary>
    public const string PreferenceInvalidChoice = "Preferences.InvalidChoice";

    /// <summary>Not a <c>yyyy-MM-dd</c> date. No arguments.</summary>
    public const string PreferenceInvalidDate = "Preferences.InvalidDate";

    /// <summary>A date or number outside its bounds. Arguments: minimum, maximum (empty when unbounded).</summary>
    public const string PreferenceOutOfRange = "Preferences.OutOfRange";

    /// <summary>Not a number. No arguments.</summary>
    public const string PreferenceInvalidNumber = "Preferences.InvalidNumber";

    /// <summary>A text that does not match the declared pattern. No arguments.</summary>
    public const string PreferencePatternMismatch = "Preferences.PatternMismatch";

    /// <summary>The saved preferences would exceed the size limit. Argument: the limit in bytes.</summary>
    public const string PreferencesTooLarge = "Preferences.TooLarge";
}
