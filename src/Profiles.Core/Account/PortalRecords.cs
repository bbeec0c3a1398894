using Profiles.Core.Data;

namespace Profiles.Core.Account;

/// <summary>The portal database's rows about one user, for the export.</summary>
public sealed record PortalRecords(
    string UserKey,
    PendingEmailChangeRow? PendingEmailChange,
    IReadOnlyList<DeletionRequestRow> DeletionRequests,
    IReadOnlyList<ActionCooldownRow> Cooldowns,
    SessionRevocationRow? SessionRevocation);
