namespace Profiles.Core.Account;

/// <summary>How an email change step ended. Everything but the two successes leaves the account's email unchanged.</summary>
public enum EmailChangeOutcome
{
    /// <summary>A code went to the new address and the change is pending.</summary>
    CodeSent,

    /// <summary>The code was right: the new address is the account's email now, marked verified.</summary>
    Changed,

    /// <summary>The pending change was discarded at the user's request.</summary>
    Cancelled,

    /// <summary>The address is not a valid email address (syntax or length).</summary>
    InvalidAddress,

    /// <summary>The address is the account's current one.</summary>
    SameAddress,

    /// <summary>The account's email comes from a social or enterprise provider and cannot be changed here.</summary>
    NotDatabaseUser,

    /// <summary>A code was sent moments ago; <see cref="EmailChangeResult.RetryAfter"/> says when the next may go.</summary>
    Throttled,

    /// <summary>The email with the code could not be sent; nothing is pending.</summary>
    SendFailed,

    /// <summary>There is no pending change (never asked, cancelled, or already completed).</summary>
    NoPendingChange,

    /// <summary>The code is not the one sent; <see cref="EmailChangeResult.AttemptsLeft"/> more tries.</summary>
    WrongCode,

    /// <summary>Too many wrong codes: the pending change was discarded.</summary>
    TooManyAttempts,

    /// <summary>The code's lifetime ended: the pending change was discarded.</summary>
    Expired,

    /// <summary>Auth0 refused the address because another account uses it; the pending change was discarded.</summary>
    AddressUnavailable,

    /// <summary>Auth0 refused the change for another reason; the pending change was discarded.</summary>
    Rejected,

    /// <summary>Auth0 could not be reached or asked to slow down; the pending change is kept so the user can try again.</summary>
    Unavailable,
}
