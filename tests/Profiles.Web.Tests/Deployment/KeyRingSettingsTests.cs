using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Web.Authentication;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Deployment;

/// <summary><c>Profiles:DataProtection</c>: the key ring in the portal database is encrypted with the configured certificate;
/// Production refuses to start without one unless the operator opts out; <c>AllowedHosts</c> left unset is the public
/// origin's host.</summary>
public sealed class KeyRingSettingsTests : IDisposable
{
    private const string CertificatePassword = "test-only-password";
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"profiles-keyring-{Guid.NewGuid():N}.pfx");

    public KeyRingSettingsTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Profiles key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(_certificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    public void Dispose() => File.Delete(_certificatePath);

    [Fact]
    public async Task Production_without_a_key_encryption_certificate_refuses_to_start_naming_the_setting()
    {
        await using var portal = Production(new Dictionary<string, string?>());

        var failure = portal.StartupFailure();

        Assert.Contains("Profiles:DataProtection:CertificatePath", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_starts_with_unencrypted_keys_only_when_told_to()
    {
        await using var portal = Production(new Dictionary<string, string?> { ["Profiles:DataProtection:AllowUnencryptedKeys"] = "true" });

        var response = await Client(portal, "https://portal.example").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<masterKey", await StoredKeyAsync(portal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_the_portal_serves()
    {
        await using var portal = Production(new Dictionary<string, string?>
        {
            ["Profiles:DataProtection:CertificatePath"] = _certificatePath,
            ["Profiles:DataProtection:CertificatePassword"] = CertificatePassword,
        });

        var response = await Client(portal, "https://portal.example").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = await StoredKeyAsync(portal);
        Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_start_up_naming_the_setting()
    {
        await using var portal = Production(new Dictionary<string, string?>
        {
            ["Profiles:DataProtection:CertificatePath"] = _certificatePath,
            ["Profiles:DataProtection:CertificatePassword"] = "not-the-password",
        });

        var failure = portal.StartupFailure();

        Assert.Contains("Profiles:DataProtection:CertificatePath could not be read", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unset_allowed_hosts_admit_the_public_origin_s_host_only()
    {
        await using var portal = Production(new Dictionary<string, string?> { ["Profiles:DataProtection:AllowUnencryptedKeys"] = "true" });

        var own = await Client(portal, "https://portal.example").GetAsync("/");
        var other = await Client(portal, "https://evil.example").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    /// <summary>Production with its public origin and no AllowedHosts; the unreachable tenant's discovery document is served by
    /// a stub behind the sign-in handler's back-channel.</summary>
    private static PortalFactory Production(Dictionary<string, string?> settings)
    {
        settings["Profiles:PublicOrigin"] = "https://portal.example";
        return new PortalFactory("tenant.example", environment: "Production", extraSettings: settings,
            configureServices: services => services.Configure<OpenIdConnectOptions>(PortalSignIn.Scheme,
                options => options.BackchannelHttpHandler = new StaticDiscoveryHandler("https://tenant.example")));
    }

    private static HttpClient Client(PortalFactory portal, string baseAddress) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });

    private static async Task<string> StoredKeyAsync(PortalFactory portal)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
