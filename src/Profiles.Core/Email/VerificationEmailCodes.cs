namespace Profiles.Core.Email;

/// <summary>The codes of a verification email resend's result (also the resource keys' suffixes).</summary>
public static class VerificationEmailCodes
{
    /// <summary>Auth0 accepted the job: the email is on its way.</summary>
    public const string Sent = "Sent";

    /// <summary>The email is already verified; nothing was sent.</summary>
    public const string AlreadyVerified = "AlreadyVerified";

    /// <summary>The account's email comes from a provider that verifies it; nothing was sent.</summary>
    public const string NotDatabaseUser = "NotDatabaseUser";

    /// <summary>Asked too recently; the result's <see cref="Results.ServiceResult.RetryAfter"/> says when the next may go.</summary>
    public const string Throttled = "Throttled";

    /// <summary>Auth0 did not answer in time or failed: the email may or may not have gone, so it is not sent again and the
    /// cooldown stays.</summary>
    public const string Uncertain = "Uncertain";

    /// <summary>Auth0 refused or rate limited the job: nothing was sent and the cooldown is lifted.</summary>
    public const string Failed = "Failed";
}
