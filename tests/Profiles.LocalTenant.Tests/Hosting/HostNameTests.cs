using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.Mfa;

namespace Profiles.LocalTenant.Tests.Hosting;

/// <summary>The tenant keeps the host name it is given: bound to (or published as) <c>localhost</c>, its issuer and its WebAuthn
/// relying party ID are <c>localhost</c>, which browsers accept (they refuse an IP address such as 127.0.0.1 as relying party ID).</summary>
public class HostNameTests
{
    [Fact]
    public async Task A_tenant_bound_to_localhost_is_addressed_as_localhost_and_its_passkeys_belong_to_localhost()
    {
        var port = FreePort();
        await using var tenant = await EmbeddedLocalTenant.StartAsync("Testing", o => o.DatabasePath = null, url: $"http://localhost:{port}");

        Assert.Equal($"http://localhost:{port}", tenant.BaseUrl);
        using var client = new HttpClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>(tenant.BaseUrl + "/.well-known/openid-configuration");
        Assert.Equal($"http://localhost:{port}/", discovery.GetProperty("issuer").GetString());

        var passkeys = tenant.Services.GetRequiredService<PasskeyCeremonies>();
        Assert.Equal("localhost", passkeys.RelyingPartyId);
        var frank = tenant.Store.Read(d => d.FindUser("auth0|64b97a87b6c808c6f9cc0006"))!;
        Assert.Equal("localhost", passkeys.CreationOptions(frank, []).Shown["rp"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_public_url_with_localhost_is_kept_as_given()
    {
        var port = FreePort();
        await using var tenant = await EmbeddedLocalTenant.StartAsync("Testing", o =>
        {
            o.DatabasePath = null;
            o.PublicUrl = $"http://localhost:{port}";
        }, url: $"http://127.0.0.1:{port}");

        Assert.Equal($"http://localhost:{port}", tenant.BaseUrl);
        Assert.Equal("localhost", tenant.Services.GetRequiredService<PasskeyCeremonies>().RelyingPartyId);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
