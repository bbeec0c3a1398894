namespace Profiles.Core.Account;

/// <summary>How a "delete my account" request ended.</summary>
public enum DeletionRequestOutcome
{
    /// <summary>Scheduled after the grace period (or an earlier pending request was found and kept).</summary>
    Scheduled,

    /// <summary>No grace period: the account is gone.</summary>
    Deleted,

    /// <summary>No grace period, but the deletion did not finish now; the worker retries it.</summary>
    DeletionDeferred,

    /// <summary>Auth0 could not be reached or refused the call; nothing was scheduled.</summary>
    Unavailable,

    /// <summary>The user did not type the confirmation word; nothing was changed.</summary>
    NotConfirmed,
}
