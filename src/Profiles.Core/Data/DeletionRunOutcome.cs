namespace Profiles.Core.Data;

/// <summary>What one processing attempt of a deletion request did.</summary>
public enum DeletionRunOutcome
{
    /// <summary>The account is deleted and the request closed.</summary>
    Completed,

    /// <summary>Not due, already claimed by another worker, or no longer open: nothing done.</summary>
    NotClaimed,

    /// <summary>This attempt failed; the request waits for its next attempt.</summary>
    WillRetry,

    /// <summary>This attempt failed and it was the last one: the request is marked failed for an operator.</summary>
    GaveUp,

    /// <summary>This worker was stopped past its claim's timeout and another worker took the request over: this one stopped
    /// before its next step and left the outcome to the other.</summary>
    ClaimLost,
}
