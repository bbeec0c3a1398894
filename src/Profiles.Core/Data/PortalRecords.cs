using Profiles.Core.Persistence;

namespace Profiles.Core.Data;

/// <summary>The portal database's rows about one user, for the export (<paramref name="ConsentRecords"/>: the consent history,
/// newest first; <paramref name="PortalSessions"/>: where they are signed in to the portal, most recently seen first).</summary>
public sealed record PortalRecords(
    string UserKey,
    PendingEmailChangeRow? PendingEmailChange,
    IReadOnlyList<DeletionRequestRow> DeletionRequests,
    IReadOnlyList<ActionCooldownRow> Cooldowns,
    SessionRevocationRow? SessionRevocation,
    IReadOnlyList<ConsentRecordRow>? ConsentRecords = null,
    IReadOnlyList<PortalSessionRow>? PortalSessions = null);
