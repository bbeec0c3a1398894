namespace Profiles.LocalTenant.Data;

/// <summary>What a user consented to for an application (Management API <c>/grants</c>).</summary>
public sealed class TenantGrant : TenantDocument
{
    public override string Key => Id;

    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string ClientId { get; set; }
    public required string Audience { get; set; }
    public List<string> Scope { get; set; } = [];
}
