namespace Profiles.Core.Email;

/// <summary>The codes of an email change step's result (also the resource keys' suffixes). Everything but the two successes leaves the account's email unchanged.</summary>
public static class EmailChangeCodes
{
    /// <summary>A code went to the new address and the change is pending.</summary>
    public const string CodeSent = "CodeSent";

    /// <summary>The code was right: the new address is the account's email now, marked verified.</summary>
    public const string Changed = "Changed";

    /// <summary>The pending change was discarded at the user's request.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>The address is not a valid email address (syntax or length).</summary>
    public const string InvalidAddress = "InvalidAddress";

    /// <summary>The address is the account's current one.</summary>
    public const string SameAddress = "SameAddress";

    /// <summary>The account's email comes from a social or enterprise provider and cannot be changed here.</summary>
    public const string NotDatabaseUser = "NotDatabaseUser";

    /// <summary>A code was sent moments ago; the result's <see cref="Results.ServiceResult.RetryAfter"/> says when the next may go.</summary>
    public const string Throttled = "Throttled";

    /// <summary>The email with the code could not be sent; nothing is pending.</summary>
    public const string SendFailed = "SendFailed";

    /// <summary>There is no pending change (never asked, cancelled, or already completed).</summary>
    public const string NoPendingChange = "NoPendingChange";

    /// <summary>The code is not the one sent; the field error's argument is the tries left.</summary>
    public const string WrongCode = "WrongCode";

    /// <summary>Too many wrong codes: the pending change was discarded.</summary>
    public const string TooManyAttempts = "TooManyAttempts";

    /// <summary>The code's lifetime ended: the pending change was discarded.</summary>
    public const string Expired = "Expired";

    /// <summary>Auth0 refused the address because another account uses it; the pending change was discarded.</summary>
    public const string AddressUnavailable = "AddressUnavailable";

    /// <summary>Auth0 refused the change for another reason; the pending change was discarded.</summary>
    public const string Rejected = "Rejected";

    /// <summary>Auth0 could not be reached or asked to slow down; the pending change is kept so the user can try again.</summary>
    public const string Unavailable = "Unavailable";

    /// <summary>Auth0's answer was lost and the re-read failed too, so whether the address changed is unknown; the pending change is
    /// kept so the user can check and try again.</summary>
    public const string Unconfirmed = "Unconfirmed";
}
