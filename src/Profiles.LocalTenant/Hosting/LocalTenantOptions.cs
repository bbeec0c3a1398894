namespace Profiles.LocalTenant.Hosting;

/// <summary>Settings of the local tenant (section <c>LocalTenant</c>; environment form <c>LocalTenant__Plan</c>).</summary>
public sealed class LocalTenantOptions
{
    public const string SectionName = "LocalTenant";

    /// <summary>Base URL the tenant serves and uses as issuer (without trailing slash). Empty: taken from the bound address.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>SQLite file holding the tenant's data. Empty or <c>:memory:</c> keeps everything in memory (tests).</summary>
    public string? DatabasePath { get; set; } = ".localtenant/tenant.db";

    /// <summary>Seed file (JSON, docs/local-tenant.md). Empty: the embedded default seed.</summary>
    public string? SeedPath { get; set; }

    /// <summary>Rate-limit plan profile: <c>free</c>, <c>essentials</c>, <c>enterprise</c> or <c>off</c>.</summary>
    public string Plan { get; set; } = "off";

    /// <summary>Whether 429 answers carry <c>Retry-After</c> besides the <c>x-ratelimit-*</c> headers (Auth0 does not document it).</summary>
    public bool SendRetryAfter { get; set; }

    /// <summary>Fault injection applied to every API request (not to the login UI).</summary>
    public FaultSettings Faults { get; set; } = new();

    /// <summary>Clients registered at start-up in addition to the seed's (the embedded portal registers itself here).</summary>
    public IList<Data.TenantClient> AdditionalClients { get; } = [];

    /// <summary>Lifetime of ID tokens in seconds (Auth0's observed default is 36000).</summary>
    public int IdTokenLifetimeSeconds { get; set; } = 36000;

    /// <summary>Lifetime of access tokens in seconds (Auth0's default for the Management API is 86400).</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 86400;

    /// <summary>Whether the development-only control endpoints (<c>/local/…</c>) are mapped.</summary>
    public bool EnableControlEndpoints { get; set; } = true;
}
