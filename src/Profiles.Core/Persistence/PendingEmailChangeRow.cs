namespace Profiles.Core.Persistence;

/// <summary>Table <c>pending_email_changes</c>: an email change waiting for its one-time code. At most one per user; the
/// code itself is never stored, only its keyed hash.</summary>
public sealed class PendingEmailChangeRow
{
    public string UserKey { get; set; } = "";

    public string NewEmail { get; set; } = "";

    public string CodeHash { get; set; } = "";

    public long CreatedAtMs { get; set; }

    public long ExpiresAtMs { get; set; }

    public int Attempts { get; set; }
}
