namespace Profiles.Core.Data;

/// <summary>The states of a <see cref="DeletionRequestRow"/>.</summary>
public static class DeletionStatus
{
    public const string Pending = "pending";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
}
