namespace Profiles.LocalTenant.Hosting;

/// <summary>The tenant's HTTPS mode: its development certificates, or none when it serves plain HTTP.</summary>
public sealed record TenantHttps(DevelopmentCertificates? Certificates)
{
    /// <summary>What a developer needs to make clients trust the tenant: the CA path and the environment variables.</summary>
    public static string Instructions(DevelopmentCertificates certificates, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        return $"""
            The local tenant serves HTTPS at {baseUrl} with a certificate from its development CA:
              {certificates.CaPath}
            Make clients trust it (development only; never trust this CA outside this machine):
              export SSL_CERT_FILE={certificates.TrustBundlePath}        # .NET on Linux, OpenSSL, Python's ssl (system roots + the CA)
              export NODE_EXTRA_CA_CERTS={certificates.CaPath}           # Node.js (adds the CA to its own roots)
              export REQUESTS_CA_BUNDLE={certificates.TrustBundlePath}   # Python requests (system roots + the CA)
            Check it:
              curl --cacert {certificates.CaPath} {baseUrl}/.well-known/openid-configuration
            """;
    }
}
