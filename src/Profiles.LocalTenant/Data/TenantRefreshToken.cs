namespace Profiles.LocalTenant.Data;

/// <summary>A refresh token issued with <c>offline_access</c>. Only its hash is stored.</summary>
public sealed class TenantRefreshToken : TenantDocument
{
    public override string Key => TokenHash;

    public required string TokenHash { get; set; }
    public required string ClientId { get; set; }
    public required string UserId { get; set; }
    public required string Scope { get; set; }
    public string? SessionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
