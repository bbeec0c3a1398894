namespace Profiles.Core.Password;

/// <summary>Why a password action did not go ahead. Stable strings: the web layer localizes them and they are recorded as the
/// security event's detail.</summary>
public static class PasswordErrorCodes
{
    /// <summary>The user has no database identity, so there is no password in Auth0 to reset or change.</summary>
    public const string NoDatabaseIdentity = "no_database_identity";

    /// <summary>The portal's cooldown between reset links has not run out.</summary>
    public const string Throttled = "throttled";

    /// <summary>Auth0 answered 429.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>No new password was typed.</summary>
    public const string Required = "password_required";

    /// <summary>The confirmation differs from the new password.</summary>
    public const string Mismatch = "password_mismatch";

    /// <summary><c>PasswordStrengthError</c>: the result carries the rules with what it lacks.</summary>
    public const string TooWeak = "password_too_weak";

    /// <summary><c>PasswordHistoryError</c>.</summary>
    public const string ReusedRecently = "password_reused";

    /// <summary><c>PasswordDictionaryError</c>.</summary>
    public const string TooCommon = "password_too_common";

    /// <summary><c>PasswordNoUserInfoError</c>.</summary>
    public const string ContainsPersonalInfo = "password_personal_info";

    /// <summary>Any other 400 from Auth0.</summary>
    public const string Rejected = "rejected";

    /// <summary>Auth0 failed or could not be reached.</summary>
    public const string Unavailable = "unavailable";
}
