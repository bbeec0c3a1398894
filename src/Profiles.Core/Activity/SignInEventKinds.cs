namespace Profiles.Core.Activity;

/// <summary>What an Auth0 log event means to the user, from its event type code. Stable strings: the page localizes them by
/// name. Codes not listed (API operations, token exchanges) are not shown: they are not something the user did.</summary>
public static class SignInEventKinds
{
    public const string SignedIn = "signed_in";
    public const string SignInFailed = "sign_in_failed";
    public const string SignInBlocked = "sign_in_blocked";
    public const string SignedUp = "signed_up";
    public const string SignedOut = "signed_out";
    public const string PasswordChanged = "password_changed";
    public const string PasswordChangeFailed = "password_change_failed";
    public const string PasswordResetRequested = "password_reset_requested";
    public const string EmailVerified = "email_verified";
    public const string EmailChanged = "email_changed";
    public const string MfaEnrolled = "mfa_enrolled";
    public const string MfaRemoved = "mfa_removed";
    public const string MfaSucceeded = "mfa_succeeded";
    public const string MfaFailed = "mfa_failed";
    public const string AccessRevoked = "access_revoked";

    /// <summary>The kind of an event type code, or null for codes the history does not show.</summary>
    public static string? Of(string? type) => type switch
    {
        "s" or "ssa" or "sens" => SignedIn,
        "f" or "fp" or "fu" or "fc" or "fcoa" or "fens" or "pwd_leak" => SignInFailed,
        "limit_wc" or "limit_mu" or "limit_sul" => SignInBlocked,
        "ss" => SignedUp,
        "slo" => SignedOut,
        "scp" => PasswordChanged,
        "fcp" or "fcpr" => PasswordChangeFailed,
        "scpr" => PasswordResetRequested,
        "sv" => EmailVerified,
        "sce" => EmailChanged,
        "gd_enrollment_complete" => MfaEnrolled,
        "gd_unenroll" => MfaRemoved,
        "gd_auth_succeed" or "gd_recovery_succeed" => MfaSucceeded,
        "gd_auth_failed" or "gd_recovery_failed" or "gd_otp_rate_limit_exceed" => MfaFailed,
        "srrt" => AccessRevoked,
        _ => null,
    };

    /// <summary>The outcome (<see cref="SecurityOutcomes"/>) a kind stands for.</summary>
    public static string OutcomeOf(string kind) => kind switch
    {
        SignInFailed or PasswordChangeFailed or MfaFailed => SecurityOutcomes.Failed,
        SignInBlocked => SecurityOutcomes.Refused,
        _ => SecurityOutcomes.Succeeded,
    };
}
