namespace Profiles.LocalTenant.Logs;

/// <summary>Auth0's log event type codes for the events the tenant produces.</summary>
public static class LogEventTypes
{
    /// <summary>Successful login.</summary>
    public const string SuccessLogin = "s";

    /// <summary>Failed login: wrong password for a known user.</summary>
    public const string FailedLoginWrongPassword = "fp";

    /// <summary>Failed login: the user is blocked (<c>blocked: true</c>).</summary>
    public const string FailedLogin = "f";

    /// <summary>An IP address is blocked for one account after too many failed logins (brute-force protection).</summary>
    public const string BlockedAccount = "limit_wc";

    /// <summary>Successful signup.</summary>
    public const string SuccessSignup = "ss";

    /// <summary>Successful password change (reset ticket or Management API).</summary>
    public const string SuccessChangePassword = "scp";

    /// <summary>Successful change password request (a reset email was sent).</summary>
    public const string SuccessChangePasswordRequest = "scpr";

    /// <summary>Successful email verification.</summary>
    public const string SuccessVerificationEmail = "sv";

    /// <summary>Successful refresh-token exchange.</summary>
    public const string SuccessExchangeRefreshToken = "sertft";

    /// <summary>Failed refresh-token exchange (revoked or unknown token).</summary>
    public const string FailedExchangeRefreshToken = "fertft";

    /// <summary>A second factor (TOTP, email or SMS code, passkey) passed at sign-in.</summary>
    public const string SecondFactorSucceeded = "gd_auth_succeed";

    /// <summary>A wrong second factor at sign-in.</summary>
    public const string SecondFactorFailed = "gd_auth_failed";

    /// <summary>A recovery code was used at sign-in.</summary>
    public const string RecoveryCodeSucceeded = "gd_recovery_succeed";

    /// <summary>A refresh token was revoked.</summary>
    public const string SuccessRevokeRefreshToken = "srrt";
}
