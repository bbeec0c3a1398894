namespace Profiles.LocalTenant.Data;

/// <summary>An application registered with the tenant.</summary>
public sealed class TenantClient : TenantDocument
{
    public override string Key => ClientId;

    public required string ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Allowed Callback URLs (exact match).</summary>
    public List<string> Callbacks { get; set; } = [];

    /// <summary>Allowed Logout URLs (exact match).</summary>
    public List<string> AllowedLogoutUrls { get; set; } = [];

    /// <summary>Management API scopes granted to this client for <c>client_credentials</c>.</summary>
    public List<string> ManagementScopes { get; set; } = [];

    /// <summary>Connections enabled for this client (empty = all).</summary>
    public List<string> Connections { get; set; } = [];
}
