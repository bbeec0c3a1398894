namespace Profiles.Core.Persistence;

/// <summary>The states of a <see cref="DeletionRequestRow"/>.</summary>
public static class DeletionStatus
{
    public const string Pending = "pending";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    /// <summary>The SQL condition for an open request (pending, under way, or failed and waiting to be asked again); written in
    /// SQL that SQLite and PostgreSQL both read.</summary>
    public const string OpenFilter = "\"status\" IN ('pending', 'in_progress', 'failed')";
}
