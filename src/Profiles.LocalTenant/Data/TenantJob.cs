namespace Profiles.LocalTenant.Data;

/// <summary>A Management API job (<c>/jobs/verification-email</c>).</summary>
public sealed class TenantJob : TenantDocument
{
    public override string Key => Id;

    public required string Id { get; set; }
    public required string Type { get; set; }
    public string Status { get; set; } = "pending";
    public DateTimeOffset CreatedAt { get; set; }
    public required string UserId { get; set; }
}
