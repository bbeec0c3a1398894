namespace Profiles.Core.Data;

/// <summary><c>app_metadata</c> keys the portal writes itself (portal rules, never user input).</summary>
public static class AccountMetadataKeys
{
    /// <summary>ISO 8601 instant of a pending deletion request, so other applications can react; removed on cancel.</summary>
    public const string DeletionRequestedAt = "deletion_requested_at";

    /// <summary>Full ids of the linked identities the deletion is about to unlink and delete, written before the first unlink
    /// so that a worker that stops half-way still finds (and deletes) the ones already unlinked.</summary>
    public const string DeletionIdentities = "deletion_identities";
}
