namespace Profiles.Core.Persistence;

/// <summary>Table <c>security_events</c>: one security-relevant thing a user did or had done to their account. No personal
/// data: the user is a pseudonymous key, the detail a fixed code (a connection name or an error code), never an address.</summary>
public sealed class SecurityEventRow
{
    public long Id { get; set; }

    public string UserKey { get; set; } = "";

    public string Action { get; set; } = "";

    public string Outcome { get; set; } = "";

    public long OccurredAtMs { get; set; }

    public string? CorrelationId { get; set; }

    public string? Detail { get; set; }
}
