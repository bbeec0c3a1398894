namespace Profiles.Core.Account;

/// <summary>How a cancel attempt ended.</summary>
public enum CancelDeletionOutcome
{
    Cancelled,

    /// <summary>Unknown, already used, or the request is no longer pending (already cancelled, under way or done).</summary>
    NotFound,

    /// <summary>Auth0 could not be reached to remove the request mark; the request stays pending.</summary>
    Unavailable,
}
