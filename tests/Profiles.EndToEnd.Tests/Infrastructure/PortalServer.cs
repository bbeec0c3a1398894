using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;

namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real portal on Kestrel (127.0.0.1, a free port) against an in-memory local tenant, registered as the tenant's
/// client with its exact callback and logout URLs — the same wiring as the embedded default, with fresh data per fixture.
/// </summary>
/// <param name="clock">When given, the tenant and the portal share this clock, so a test can age a sign-in without waiting.</param>
/// <param name="settings">Extra portal settings for a test class (e.g. a support contact, required terms), applied over the defaults.</param>
/// <param name="onLocalhost">Serve the portal and the tenant on host name <c>localhost</c> (each on its own free port) instead of
/// 127.0.0.1: the tenant's WebAuthn relying party ID is then <c>localhost</c>, valid for both origins, where browsers refuse an IP
/// address. Passkey tests need it.</param>
public sealed class PortalServer(FakeTimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null, bool onLocalhost = false)
    : IAsyncLifetime
{
    private const string ClientId = "e2e-portal";
    private WebApplicationFactory<Program>? _factory;

    public EmbeddedLocalTenant Tenant { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";


    /// <summary>The portal's own SQLite database (fresh per fixture).</summary>
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"profiles-e2e-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://{(onLocalhost ? "localhost" : "127.0.0.1")}:{port}";
        // Kestrel binds localhost to two addresses (IPv4 and IPv6) and so refuses port 0 there: a free port of its own.
        var tenantUrl = onLocalhost ? $"http://localhost:{FreePort(except: port)}" : "http://127.0.0.1:0";
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        Tenant = await EmbeddedLocalTenant.StartAsync("Testing", o =>
        {
            o.DatabasePath = null;
            o.AdditionalClients.Add(new TenantClient
            {
                ClientId = ClientId,
                ClientSecret = secret,
                Name = "Profiles portal (browser tests)",
                Callbacks = [BaseUrl + "/signin-auth0", BaseUrl + Profiles.Web.SignInMethods.LinkAuthentication.CallbackPath],
                AllowedLogoutUrls = [BaseUrl + "/"],
                ManagementScopes = [.. Profiles.Web.Hosting.EmbeddedTenantBootstrap.ManagementScopes],
            });
        }, url: tenantUrl, timeProvider: clock);

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("urls", BaseUrl);
            builder.UseSetting("Auth0:Domain", Tenant.BaseUrl);
            builder.UseSetting("Auth0:ClientId", ClientId);
            builder.UseSetting("Auth0:ClientSecret", secret);
            builder.UseSetting("Auth0:Management:ClientId", ClientId);
            builder.UseSetting("Auth0:Management:ClientSecret", secret);
            builder.UseSetting("PortalDatabase:ConnectionString", $"Data Source={DatabasePath}");
            builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
            builder.UseSetting("Profiles:Email:Delivery", "LocalTenantOutbox");
            builder.UseSetting("Profiles:Email:OutboxUrl", Tenant.BaseUrl);
            builder.UseSetting("Profiles:Email:From", "Profiles (browser tests) <no-reply@profiles.invalid>");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            if (clock is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
            }
        });
        // UseKestrel(port) alone leaves Kestrel on its default address here; the urls setting is what binds.
        factory.UseKestrel();
        factory.StartServer();
        _factory = factory;

        // A cold portal's first sign-in fetches the tenant's discovery document and keys and compiles the sign-in path; do it
        // once here, so no browser test spends its own timeout on it.
        using var warmUp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(120) };
        (await warmUp.GetAsync(BaseUrl + "/health/ready")).Dispose();
        (await warmUp.GetAsync(BaseUrl + "/account/login")).Dispose();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Tenant is not null)
        {
            await Tenant.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(DatabasePath);
    }

    private static int FreePort(int? except = null)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (port != except)
            {
                return port;
            }
        }
    }
}
