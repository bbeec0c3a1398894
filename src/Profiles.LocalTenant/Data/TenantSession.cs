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
    /// <summary>The user agent and IP address of the sign-in that created the session (Auth0's <c>initial_*</c>).</summary>
    public string? UserAgent { get; set; }
    public string? Ip { get; set; }

    /// <summary>The user agent and IP address of the latest <c>/authorize</c> with the session cookie (Auth0's <c>last_*</c>);
    /// null until the session is used again.</summary>
    public string? LastUserAgent { get; set; }
    public string? LastIp { get; set; }

    /// <summary>How the user proved who they are in this session, latest proof of each kind (Auth0's <c>authentication.methods</c>).</summary>
    public List<TenantSessionMethod> Methods { get; set; } = [];

    /// <summary>When the session was deleted or revoked while deletes are delayed: it no longer signs anyone in but still
    /// lists, as Auth0's asynchronous deletes do. Null for a live session.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The connection the user authenticated with (e.g. <c>google-oauth2</c>).</summary>
    public string Connection { get; set; } = "";

    public List<string> ClientIds { get; set; } = [];
}
