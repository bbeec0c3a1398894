namespace Profiles.LocalTenant.Data;

/// <summary>One tenant log event about a user (Management API <c>/users/{id}/logs</c>), with Auth0's event type code.</summary>
public sealed class TenantLogEvent : TenantDocument
{
    public override string Key => LogId;

    public required string LogId { get; set; }
    public required string Type { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset Date { get; set; }
    public string? Description { get; set; }
    public string? ClientId { get; set; }
    public string? ClientName { get; set; }
    public string? Connection { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
}
