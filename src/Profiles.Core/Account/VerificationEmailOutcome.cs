namespace Profiles.Core.Account;

/// <summary>How a request to resend Auth0's verification email ended.</summary>
public enum VerificationEmailOutcome
{
    /// <summary>Auth0 accepted the job: the email is on its way.</summary>
    Sent,

    /// <summary>The email is already verified; nothing was sent.</summary>
    AlreadyVerified,

    /// <summary>The account's email comes from a provider that verifies it; nothing was sent.</summary>
    NotDatabaseUser,

    /// <summary>Asked too recently; <see cref="VerificationEmailResult.RetryAfter"/> says when the next may go.</summary>
    Throttled,

    /// <summary>Auth0 did not answer in time or failed: the email may or may not have gone, so it is not sent again and the
    /// cooldown stays.</summary>
    Uncertain,

    /// <summary>Auth0 refused or rate limited the job: nothing was sent and the cooldown is lifted.</summary>
    Failed,
}
