namespace Profiles.Core.Data;

/// <summary>The codes of a "delete my account" request's result.</summary>
public static class DeletionRequestCodes
{
    /// <summary>Success: scheduled after the grace period.</summary>
    public const string Scheduled = "Scheduled";

    /// <summary>Success: an open request already existed (or another request of the user is being recorded right now); it is
    /// kept and nothing new was sent.</summary>
    public const string AlreadyScheduled = "AlreadyScheduled";

    /// <summary>Success: no grace period, the account is gone.</summary>
    public const string Deleted = "Deleted";

    /// <summary>Success: no grace period, but the deletion did not finish now; the worker retries it.</summary>
    public const string DeletionDeferred = "DeletionDeferred";

    /// <summary>Field error: the user did not type the confirmation word; nothing was changed.</summary>
    public const string NotConfirmed = "NotConfirmed";

    /// <summary>Busy: Auth0 could not be reached or refused the call; nothing was scheduled.</summary>
    public const string Unavailable = "Unavailable";

    /// <summary>The field a <see cref="NotConfirmed"/> error names.</summary>
    public const string ConfirmationField = "Confirmation";
}
