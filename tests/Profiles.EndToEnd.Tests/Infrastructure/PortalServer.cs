using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;

namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real portal on Kestrel (127.0.0.1, a free port) against an in-memory local tenant, registered as the tenant's
/// client with its exact callback and logout URLs — the same wiring as the embedded default, with fresh data per fixture.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
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
        BaseUrl = $"http://127.0.0.1:{port}";
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        Tenant = await EmbeddedLocalTenant.StartAsync("Testing", o =>
        {
            o.DatabasePath = null;
            o.AdditionalClients.Add(new TenantClient
            {
                ClientId = ClientId,
                ClientSecret = secret,
                Name = "Profiles portal (browser tests)",
                Callbacks = [BaseUrl + "/signin-auth0", BaseUrl + Profiles.Web.Authentication.Linking.LinkAuthentication.CallbackPath],
                AllowedLogoutUrls = [BaseUrl + "/"],
                ManagementScopes = [.. Profiles.Web.Hosting.EmbeddedTenantBootstrap.ManagementScopes],
            });
        });

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
        });
        // UseKestrel(port) alone leaves Kestrel on its default address here; the urls setting is what binds.
        factory.UseKestrel();
        factory.StartServer();
        _factory = factory;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
