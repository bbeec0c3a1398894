using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Hosting;

/// <summary>HTTPS mode: a development CA and a localhost certificate in the data folder, discovery on the https issuer.</summary>
public sealed class HttpsModeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lt-https-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Serves_discovery_over_https_to_a_client_that_trusts_only_the_printed_ca()
    {
        await using var tenant = await EmbeddedLocalTenant.StartAsync("Testing", o =>
        {
            o.DatabasePath = null;
            o.Https = true;
            o.CertificatesPath = _folder;
        });
        var caPath = tenant.CertificateAuthorityPath!;
        using var ca = X509CertificateLoader.LoadCertificateFromFile(caPath);
        using var handler = new HttpClientHandler
        {
            // Trust exactly the tenant's CA: the chain must end at it, whatever the machine's own trust store says.
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                certificate is not null
                && (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) == System.Net.Security.SslPolicyErrors.None
                && DevelopmentCertificates.ChainsTo(certificate, ca, DateTimeOffset.UtcNow),
        };
        using var client = new HttpClient(handler);

        var discovery = await client.GetFromJsonAsync<JsonElement>(tenant.BaseUrl + "/.well-known/openid-configuration");

        Assert.StartsWith("https://127.0.0.1:", tenant.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(tenant.BaseUrl + "/", discovery.GetProperty("issuer").GetString());
        Assert.Equal(tenant.BaseUrl + "/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Contains(caPath, TenantHttps.Instructions(tenant.Services.GetRequiredService<TenantHttps>().Certificates!, tenant.BaseUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_the_default_trust_store_refuses_the_certificate()
    {
        await using var tenant = await EmbeddedLocalTenant.StartAsync("Testing", o =>
        {
            o.DatabasePath = null;
            o.Https = true;
            o.CertificatesPath = _folder;
        });
        using var client = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(tenant.BaseUrl + "/.well-known/openid-configuration"));
    }

    [Fact]
    public void The_ca_is_reused_and_the_server_certificate_renewed_before_expiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = DevelopmentCertificates.Ensure(_folder, time);
        var caPem = File.ReadAllText(first.CaPath);
        var firstServer = first.ServerCertificate.Thumbprint;

        var again = DevelopmentCertificates.Ensure(_folder, time);
        Assert.Equal(firstServer, again.ServerCertificate.Thumbprint);

        time.Advance(DevelopmentCertificates.ServerLifetime - DevelopmentCertificates.RenewBefore + TimeSpan.FromDays(1));
        var renewed = DevelopmentCertificates.Ensure(_folder, time);
        Assert.NotEqual(firstServer, renewed.ServerCertificate.Thumbprint);
        Assert.Equal(caPem, File.ReadAllText(renewed.CaPath));
        using var ca = X509CertificateLoader.LoadCertificateFromFile(renewed.CaPath);
        Assert.True(DevelopmentCertificates.ChainsTo(renewed.ServerCertificate, ca, time.GetUtcNow()));
        Assert.True(renewed.ServerCertificate.HasPrivateKey);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Private_keys_are_readable_by_the_owner_only()
    {
        DevelopmentCertificates.Ensure(_folder, TimeProvider.System);

        foreach (var key in new[] { DevelopmentCertificates.CaKeyFile, DevelopmentCertificates.ServerKeyFile })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, key)));
        }

        Assert.Contains("-----BEGIN CERTIFICATE-----", File.ReadAllText(Path.Combine(_folder, DevelopmentCertificates.TrustBundleFile)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_mode_still_refuses_production()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedLocalTenant.StartAsync("Production", o =>
        {
            o.Https = true;
            o.CertificatesPath = _folder;
        }));

        Assert.Contains("development and tests only", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder));
    }
}
