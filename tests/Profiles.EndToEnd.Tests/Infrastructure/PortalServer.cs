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
                Callbacks = [BaseUrl + "/signin-auth0"],
                AllowedLogoutUrls = [BaseUrl + "/"],
                ManagementScopes = ["read:users", "update:users"],
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
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
