using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Profiles.LocalTenant.Hosting;

/// <summary>
/// The tenant's own development certificate authority and its <c>localhost</c>/<c>127.0.0.1</c> server certificate, kept as
/// PEM files in one folder (keys readable by the owner only). The CA is made once and reused, so clients trust it once; the
/// server certificate is renewed when it comes within <see cref="RenewBefore"/> of expiry or no longer chains to the CA.
/// </summary>
public sealed class DevelopmentCertificates
{
    public const string CaCertificateFile = "ca.pem";
    public const string CaKeyFile = "ca.key.pem";
    public const string ServerCertificateFile = "localhost.pem";
    public const string ServerKeyFile = "localhost.key.pem";
    public const string TrustBundleFile = "trust-bundle.pem";

    public static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);
    public static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(90);
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    // Where Debian, Ubuntu, Fedora/RHEL, openSUSE and Alpine keep the system's trusted roots.
    private static readonly string[] SystemBundles =
    [
        "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/ca-bundle.pem", "/etc/ssl/cert.pem",
    ];

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private DevelopmentCertificates(string folder, X509Certificate2 serverCertificate)
    {
        Folder = folder;
        ServerCertificate = serverCertificate;
    }

    public string Folder { get; }

    /// <summary>The CA certificate (PEM) clients must trust.</summary>
    public string CaPath => Path.Combine(Folder, CaCertificateFile);

    /// <summary>The system's trusted roots plus the CA: for variables that replace the system list (<c>SSL_CERT_FILE</c>).</summary>
    public string TrustBundlePath => Path.Combine(Folder, TrustBundleFile);

    /// <summary>The server certificate with its private key, for Kestrel.</summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary>Creates what is missing or due for renewal in <paramref name="folder"/> and loads the server certificate.</summary>
    public static DevelopmentCertificates Ensure(string folder, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(time);
        folder = Path.GetFullPath(folder);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }

        var now = time.GetUtcNow();
        var ca = LoadOrCreateCa(folder, now);
        var server = LoadServer(folder, ca, now) ?? CreateServer(folder, ca, now);
        WriteTrustBundle(folder, ca);
        // Kestrel needs a key it can use on every platform: a PKCS#12 round trip gives a persisted-style key.
        var usable = X509CertificateLoader.LoadPkcs12(server.Export(X509ContentType.Pkcs12), null);
        ca.Dispose();
        server.Dispose();
        return new DevelopmentCertificates(folder, usable);
    }

    private static X509Certificate2 LoadOrCreateCa(string folder, DateTimeOffset now)
    {
        var (certPath, keyPath) = (Path.Combine(folder, CaCertificateFile), Path.Combine(folder, CaKeyFile));
        if (File.Exists(certPath) && File.Exists(keyPath))
        {
            var existing = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            if (existing.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore)
            {
                return existing;
            }

            existing.Dispose();
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Profiles local tenant development CA, O=Profiles (development only)", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var ca = request.CreateSelfSigned(now.AddMinutes(-5), now + CaLifetime);
        WritePem(certPath, ca.ExportCertificatePem(), secret: false);
        WritePem(keyPath, key.ExportPkcs8PrivateKeyPem(), secret: true);
        // A new CA invalidates the old server certificate.
        File.Delete(Path.Combine(folder, ServerCertificateFile));
        return ca;
    }

    private static X509Certificate2? LoadServer(string folder, X509Certificate2 ca, DateTimeOffset now)
    {
        var (certPath, keyPath) = (Path.Combine(folder, ServerCertificateFile), Path.Combine(folder, ServerKeyFile));
        if (!File.Exists(certPath) || !File.Exists(keyPath))
        {
            return null;
        }

        var server = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        if (server.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore && ChainsTo(server, ca, now))
        {
            return server;
        }

        server.Dispose();
        return null;
    }

    private static X509Certificate2 CreateServer(string folder, X509Certificate2 ca, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build(true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var notAfter = now + ServerLifetime < ca.NotAfter ? now + ServerLifetime : new DateTimeOffset(ca.NotAfter);
        using var signed = request.Create(ca, now.AddMinutes(-5), notAfter, RandomNumberGenerator.GetBytes(16));
        WritePem(Path.Combine(folder, ServerKeyFile), key.ExportPkcs8PrivateKeyPem(), secret: true);
        WritePem(Path.Combine(folder, ServerCertificateFile), signed.ExportCertificatePem(), secret: false);
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>True when <paramref name="certificate"/> chains to <paramref name="ca"/> and nothing else.</summary>
    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 ca, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(ca);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        return chain.Build(certificate);
    }

    private static void WriteTrustBundle(string folder, X509Certificate2 ca)
    {
        var system = SystemBundles.FirstOrDefault(File.Exists);
        var text = (system is null ? "" : File.ReadAllText(system).TrimEnd() + "\n") + ca.ExportCertificatePem() + "\n";
        WritePem(Path.Combine(folder, TrustBundleFile), text, secret: false);
    }

    private static void WritePem(string path, string pem, bool secret)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = secret ? OwnerOnly : OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(pem);
        if (!pem.EndsWith('\n'))
        {
            writer.Write('\n');
        }
    }
}
