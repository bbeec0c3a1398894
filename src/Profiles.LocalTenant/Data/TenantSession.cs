namespace Profiles.LocalTenant.Data;

/// <summary>A login session at the tenant; its id is the ID token's <c>sid</c>.</summary>
public sealed class TenantSession : TenantDocument
{
    public override string Key => Id;

    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset AuthenticatedAt { get; set; }
    public DateTimeOffset LastInteractedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset IdleExpiresAt { get; set; }
    public string? UserAgent { get; set; }
    public string? Ip { get; set; }

    /// <summary>The connection the user authenticated with (e.g. <c>google-oauth2</c>).</summary>
    public string Connection { get; set; } = "";

    public List<string> ClientIds { get; set; } = [];
}
