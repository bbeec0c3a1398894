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

    /// <summary>Failed password sign-ins of one user from one IP address that block that user from that address
    /// (brute-force protection; Auth0's default is 10, its range 1 to 100). 0 turns the protection off.</summary>
    public int BruteForceThreshold { get; set; } = 10;

    /// <summary>Serve HTTPS with a certificate from the tenant's own development certificate authority
    /// (<c>--https</c> on the command line). See docs/local-tenant.md.</summary>
    public bool Https { get; set; }

    /// <summary>Folder of the development CA and server certificate. Empty: <c>certificates</c> beside the database file
    /// (<c>.localtenant/certificates</c>), also when the data is kept in memory.</summary>
    public string? CertificatesPath { get; set; }

    /// <summary>The certificate folder <see cref="CertificatesPath"/> names or implies.</summary>
    public string ResolveCertificatesPath()
    {
        if (!string.IsNullOrWhiteSpace(CertificatesPath))
        {
            return CertificatesPath;
        }

        var database = string.IsNullOrWhiteSpace(DatabasePath) || DatabasePath == ":memory:" ? ".localtenant/tenant.db" : DatabasePath;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database)) ?? ".", "certificates");
    }

    /// <summary>Whether the development-only control endpoints (<c>/local/…</c>) are mapped.</summary>
    public bool EnableControlEndpoints { get; set; } = true;

    /// <summary>Whether the sessions endpoints are served (an Enterprise tenant). False: they answer 403 as a tenant without the
    /// sessions entitlement does (docs/decisions). Changeable while running through <c>PUT /local/sessions</c>.</summary>
    public bool SessionsApi { get; set; } = true;

    /// <summary>Seconds an ended session still lists after a Management API delete or revoke (Auth0's deletes are asynchronous).
    /// It signs no one in meanwhile. 0: gone at once.</summary>
    public int SessionDeleteDelaySeconds { get; set; }

    /// <summary>Whether the My Account API is activated (Auth0: Dashboard > Applications > APIs > "MyAccount API" > Activate).
    /// False: <c>/authorize</c> and <c>/oauth/token</c> refuse its audience and <c>/me/v1</c> answers 403. Changeable while running
    /// through <c>PUT /local/my-account</c>.</summary>
    public bool MyAccountApi { get; set; } = true;
}
