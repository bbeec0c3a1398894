using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Web.Authentication;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Deployment;

/// <summary>Rotating the key-ring certificate (<c>Profiles:DataProtection:PreviousCertificates</c>): keys encrypted with the
/// retired certificate stay readable, so cookies and tokens made before the rotation keep working; new keys are encrypted with
/// the current certificate only; without the old certificate listed, the old keys are unreadable.</summary>
public sealed class KeyRingRotationTests : IDisposable
{
    private const string Purpose = "key-ring-rotation-test";
    private const string Password = "rotation-test-password";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"profiles-rotation-{Guid.NewGuid():N}.db");
    private readonly string _old = Path.Combine(Path.GetTempPath(), $"profiles-keyring-old-{Guid.NewGuid():N}.pfx");
    private readonly string _current = Path.Combine(Path.GetTempPath(), $"profiles-keyring-new-{Guid.NewGuid():N}.pfx");

    public KeyRingRotationTests()
    {
        WriteCertificate(_old, "CN=Profiles key ring 2025");
        WriteCertificate(_current, "CN=Profiles key ring 2026");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _old, _current, _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task After_a_rotation_keys_from_the_previous_certificate_are_read_and_new_keys_use_the_current_one()
    {
        var protectedBefore = await ProtectWithOldCertificateAsync();

        await using var rotated = Production(new Dictionary<string, string?>
        {
            ["Profiles:DataProtection:CertificatePath"] = _current,
            ["Profiles:DataProtection:CertificatePassword"] = Password,
            ["Profiles:DataProtection:PreviousCertificates:0:CertificatePath"] = _old,
            ["Profiles:DataProtection:PreviousCertificates:0:CertificatePassword"] = Password,
        });

        Assert.Equal("made before the rotation", Protector(rotated).Unprotect(protectedBefore));
        var now = DateTimeOffset.UtcNow;
        rotated.Services.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
        var keys = await StoredKeysAsync();
        Assert.Equal(2, keys.Count);
        Assert.Contains(CertificateText(_old), keys[0], StringComparison.Ordinal);
        Assert.Contains(CertificateText(_current), keys[1], StringComparison.Ordinal);
        Assert.DoesNotContain(CertificateText(_old), keys[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_are_made_for_AES_256_GCM()
    {
        await using var portal = Production(new Dictionary<string, string?>
        {
            ["Profiles:DataProtection:CertificatePath"] = _current,
            ["Profiles:DataProtection:CertificatePassword"] = Password,
        });

        Assert.Equal("round trip", Protector(portal).Unprotect(Protector(portal).Protect("round trip")));
        var key = Assert.Single(await StoredKeysAsync());
        Assert.Contains("<encryption algorithm=\"AES_256_GCM\" />", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_previous_certificate_the_old_keys_cannot_be_read()
    {
        var protectedBefore = await ProtectWithOldCertificateAsync();

        await using var forgotten = Production(new Dictionary<string, string?>
        {
            ["Profiles:DataProtection:CertificatePath"] = _current,
            ["Profiles:DataProtection:CertificatePassword"] = Password,
        });

        Assert.ThrowsAny<CryptographicException>(() => Protector(forgotten).Unprotect(protectedBefore));
    }

    [Fact]
    public async Task Previous_certificates_without_a_current_one_stop_start_up_naming_the_setting()
    {
        await using var portal = Production(new Dictionary<string, string?>
        {
            ["Profiles:DataProtection:AllowUnencryptedKeys"] = "true",
            ["Profiles:DataProtection:PreviousCertificates:0:CertificatePath"] = _old,
            ["Profiles:DataProtection:PreviousCertificates:0:CertificatePassword"] = Password,
        });

        var failure = portal.StartupFailure();

        Assert.Contains("Profiles:DataProtection:PreviousCertificates needs a current certificate", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_previous_certificate_with_a_wrong_password_stops_start_up_naming_its_entry()
    {
        await using var portal = Production(new Dictionary<string, string?>
        {
            ["Profiles:DataProtection:CertificatePath"] = _current,
            ["Profiles:DataProtection:CertificatePassword"] = Password,
            ["Profiles:DataProtection:PreviousCertificates:0:CertificatePath"] = _old,
            ["Profiles:DataProtection:PreviousCertificates:0:CertificatePassword"] = "not-the-password",
        });

        var failure = portal.StartupFailure();

        Assert.Contains("Profiles:DataProtection:PreviousCertificates:0:CertificatePath could not be read", failure, StringComparison.Ordinal);
    }

    /// <summary>An instance before the rotation (the old certificate is the current one) creates the first key and protects a
    /// payload with it, as it would a session cookie.</summary>
    private async Task<string> ProtectWithOldCertificateAsync()
    {
        await using var before = Production(new Dictionary<string, string?>
        {
            ["Profiles:DataProtection:CertificatePath"] = _old,
            ["Profiles:DataProtection:CertificatePassword"] = Password,
        });
        var payload = Protector(before).Protect("made before the rotation");
        Assert.Single(await StoredKeysAsync());
        return payload;
    }

    private static IDataProtector Protector(PortalFactory portal) =>
        portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private PortalFactory Production(Dictionary<string, string?> settings)
    {
        settings["Profiles:PublicOrigin"] = "https://portal.example";
        settings["PortalDatabase:ConnectionString"] = $"Data Source={_database}";
        return new PortalFactory("tenant.example", environment: "Production", extraSettings: settings,
            configureServices: services => services.Configure<OpenIdConnectOptions>(PortalSignIn.Scheme,
                options => options.BackchannelHttpHandler = new StaticDiscoveryHandler("https://tenant.example")));
    }

    /// <summary>The stored keys' XML, oldest first. An encrypted key names its certificate in the encrypted XML's key info.</summary>
    private async Task<List<string>> StoredKeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY id";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static string CertificateText(string path)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, Password);
        return Convert.ToBase64String(certificate.RawData);
    }

    private static void WriteCertificate(string path, string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
    }
}
