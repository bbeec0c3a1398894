namespace Profiles.LocalTenant.Data;

/// <summary>A refresh token issued with <c>offline_access</c>. Only its hash is stored; <see cref="Id"/> is the handle the
/// Management API shows (Auth0's token id is not the token either).</summary>
public sealed class TenantRefreshToken : TenantDocument
{
    public override string Key => TokenHash;

    public required string TokenHash { get; set; }
    public string Id { get; set; } = TenantIds.Prefixed("rt_", 24);
    public required string ClientId { get; set; }
    public required string UserId { get; set; }
    public required string Scope { get; set; }

    /// <summary>The API the token's access tokens are for (the <c>/userinfo</c> audience when none was asked for).</summary>
    public string? Audience { get; set; }
    public string? SessionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last refresh-token exchange; null until the first one.</summary>
    public DateTimeOffset? LastExchangedAt { get; set; }

    public string? InitialIp { get; set; }
    public string? InitialUserAgent { get; set; }
    public string? LastIp { get; set; }
    public string? LastUserAgent { get; set; }
}
