namespace Profiles.Core.Persistence;

/// <summary>Table <c>consent_records</c>: one consent given or withdrawn, kept as history (rows are only added, and removed with
/// the account). The user is the pseudonymous key; the field key and wording version are the operator's declarations.</summary>
public sealed class ConsentRecordRow
{
    public long Id { get; set; }

    public string UserKey { get; set; } = "";

    public string FieldKey { get; set; } = "";

    /// <summary>True when consent was given, false when it was withdrawn.</summary>
    public bool Given { get; set; }

    public long RecordedAtMs { get; set; }

    public string WordingVersion { get; set; } = "";
}
