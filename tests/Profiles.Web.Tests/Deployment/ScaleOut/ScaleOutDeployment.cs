using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.RateLimiting;
using Profiles.TestServices;
using Profiles.Web.Hosting;
using Profiles.Web.SignInMethods;

namespace Profiles.Web.Tests.Deployment.ScaleOut;

/// <summary>
/// One deployment shaped like <c>deploy/compose.yaml</c>, started once for the scale-out tests: three instances of the Release
/// publish output in Production behind nginx (TLS, round-robin, no stickiness), sharing one PostgreSQL portal database (and
/// the key ring in it, encrypted with a certificate made at run time), one Redis and one local tenant. The tenant runs in
/// the test process over HTTPS with its development CA (a published portal has no embedded tenant, and refuses a plain-http
/// one in Production); the instances trust that CA through <c>SSL_CERT_FILE</c>.
/// </summary>
public sealed class ScaleOutDeployment : IAsyncLifetime
{
    public const string AliceEmail = "alice@example.com";
    public const string AlicePassword = "Alice-demo-2026";
    public const string BobEmail = "bob@example.com";
    public const string BobPassword = "Bob-demo-2026";
    public const string BobId = "auth0|64b97a87b6c808c6f9cc0002";
    private const string ClientId = "scale-out-portal";
    private const string CertificatePassword = "scale-out-key-ring";
    private readonly string _clientSecret = Guid.NewGuid().ToString("N");
    private readonly string _folder = TestFolders.Create("scale-out");
    private readonly Dictionary<string, string> _settings = [];
    private string _publish = "";
    private string _trustBundle = "";
    private string _plan = "free";

    public NginxServer Proxy { get; private set; } = null!;

    public EmbeddedLocalTenant Tenant { get; private set; } = null!;

    public TenantWriteRecorder Writes { get; } = new();

    public IReadOnlyList<PortalInstance> Instances { get; private set; } = [];

    public string DatabaseConnectionString { get; private set; } = "";

    public RequestLog TenantLog => Tenant.Services.GetRequiredService<RequestLog>();

    public async Task InitializeAsync()
    {
        var publish = ReleasePublish.SharedAsync();
        var ports = new HashSet<int>();
        while (ports.Count < 3)
        {
            ports.Add(ServerProcess.FreePort());
        }

        Instances = [.. ports.Select((port, i) => new PortalInstance(((char)('a' + i)).ToString(), port))];
        // A refused instance is retried after 1 s (production: 10 s), so one restarted by a test rejoins the rotation at once.
        Proxy = await NginxServer.StartAsync([.. ports], failTimeout: TimeSpan.FromSeconds(1));
        Tenant = await EmbeddedLocalTenant.StartAsync("Testing", options =>
        {
            options.DatabasePath = ":memory:";
            options.Https = true;
            options.CertificatesPath = Path.Combine(_folder, "tenant-ca");
            options.Plan = _plan;
            options.AdditionalClients.Add(new TenantClient
            {
                ClientId = ClientId,
                ClientSecret = _clientSecret,
                Name = "Scale-out portal",
                Callbacks = [Proxy.BaseUrl + "/signin-auth0", Proxy.BaseUrl + LinkAuthentication.CallbackPath],
                AllowedLogoutUrls = [Proxy.BaseUrl + "/"],
                ManagementScopes = [.. EmbeddedTenantBootstrap.ManagementScopes],
            });
        }, configureBuilder: builder => builder.Services.AddSingleton<IStartupFilter>(Writes));
        _trustBundle = Tenant.Services.GetRequiredService<TenantHttps>().Certificates!.TrustBundlePath;

        DatabaseConnectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("scaleout");
        var certificate = Path.Combine(_folder, "keyring.pfx");
        WriteKeyRingCertificate(certificate);
        _settings["Auth0:Domain"] = Tenant.BaseUrl;
        _settings["Auth0:ClientId"] = ClientId;
        _settings["Auth0:ClientSecret"] = _clientSecret;
        _settings["Auth0:Management:ClientId"] = ClientId;
        _settings["Auth0:Management:ClientSecret"] = _clientSecret;
        _settings["Profiles:PublicOrigin"] = Proxy.BaseUrl;
        _settings["Profiles:DataProtection:CertificatePath"] = certificate;
        _settings["Profiles:DataProtection:CertificatePassword"] = CertificatePassword;
        _settings["PortalDatabase:Provider"] = "Postgres";
        _settings["PortalDatabase:ConnectionString"] = DatabaseConnectionString;
        _settings["Redis:Configuration"] = await RedisServer.ConfigurationAsync();
        _settings["Redis:InstanceName"] = RedisServer.NewInstanceName();
        _settings["Profiles:Email:Delivery"] = "LocalTenantOutbox";
        _settings["Profiles:Email:OutboxUrl"] = Tenant.BaseUrl;
        _settings["Profiles:Email:From"] = "Account <no-reply@example.com>";
        // Every instance runs the deletion worker, looking for due requests every second.
        _settings["Profiles:Deletion:PollSeconds"] = "1";
        _settings["Serilog:MinimumLevel:Default"] = "Warning";
        _publish = await publish;
        await EnsureRunningAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }

        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        if (Tenant is not null)
        {
            await Tenant.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Puts the tenant and every instance's pacer on <paramref name="plan"/> (the instances restart when it changes: the
    /// pacing plan is read at start-up), then clears the tenant's logs.</summary>
    public async Task UsePlanAsync(string plan)
    {
        if (plan != _plan)
        {
            _plan = plan;
            foreach (var instance in Instances)
            {
                await instance.KillAsync();
            }
        }

        Tenant.Services.GetRequiredService<RateLimitRegistry>().SetPlan(plan);
        await EnsureRunningAsync();
        TenantLog.Clear();
        Writes.Clear();
    }

    /// <summary>Starts the instances that are not running (one killed by a test, or all of them). From nothing, one starts
    /// alone first, as docs/deployment.md advises: it migrates the database and creates the first key of the ring.</summary>
    public async Task EnsureRunningAsync()
    {
        var settings = new Dictionary<string, string>(_settings) { ["Auth0:Management:Pacing:Plan"] = _plan };
        var stopped = Instances.Where(i => !i.IsRunning).ToList();
        if (stopped.Count == Instances.Count)
        {
            await stopped[0].StartAsync(_publish, settings, _trustBundle, "127.0.0.1");
            stopped.RemoveAt(0);
        }

        await Task.WhenAll(stopped.Select(i => i.StartAsync(_publish, settings, _trustBundle, "127.0.0.1")));
    }

    public ScaleOutBrowser NewBrowser() => new(Proxy, Tenant);

    /// <summary>Runs <paramref name="sql"/> on the deployment's portal database, as an operator would.</summary>
    public Task<T?> QueryAsync<T>(string sql) => PostgresServer.QueryAsync<T>(DatabaseConnectionString, sql);

    private static void WriteKeyRingCertificate(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Profiles key ring (scale-out test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }
}
