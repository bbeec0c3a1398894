namespace Profiles.Core.Persistence;

/// <summary>Table <c>deletion_audit</c>: evidence that a deletion happened, with no personal data (no user id, no key).</summary>
public sealed class DeletionAuditRow
{
    public long Id { get; set; }

    public Guid RequestId { get; set; }

    public string Outcome { get; set; } = "";

    public long RequestedAtMs { get; set; }

    public long CompletedAtMs { get; set; }

    public int IdentitiesRemoved { get; set; }
}
