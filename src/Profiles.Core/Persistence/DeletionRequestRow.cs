namespace Profiles.Core.Persistence;

/// <summary>Table <c>deletion_requests</c>: an account deletion waiting for its grace period, or being carried out. It holds
/// the Auth0 user id because the worker needs it; the row is removed once the deletion is done (the audit keeps no id).</summary>
public sealed class DeletionRequestRow
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string UserKey { get; set; } = "";

    public long RequestedAtMs { get; set; }

    public long DueAtMs { get; set; }

    /// <summary>One of <see cref="DeletionStatus"/>.</summary>
    public string Status { get; set; } = DeletionStatus.Pending;

    public int Attempts { get; set; }

    public long NextAttemptAtMs { get; set; }

    /// <summary>A fixed error code from the last failed attempt (never a message from Auth0).</summary>
    public string? LastError { get; set; }

    /// <summary>Keyed hash of the cancel link's token.</summary>
    public string CancelTokenHash { get; set; } = "";

    public long? CompletedAtMs { get; set; }

    /// <summary>Optimistic concurrency, so two workers never both claim a request.</summary>
    public long Version { get; set; }
}
