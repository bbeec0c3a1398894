using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.Extensions.Options;
using Profiles.Core.Persistence;

namespace Profiles.Web.Deployment;

/// <summary>One key ring for every instance: keys in the portal database, one application name, encrypted at rest with the
/// configured certificate. A cookie, antiforgery token, TempData value or OAuth <c>state</c> made by one instance is then
/// accepted by any other.</summary>
public static class PortalDataProtection
{
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(PortalDataProtectionOptions.SectionName);
        services.AddOptions<PortalDataProtectionOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalDataProtectionOptions>>(new PortalDataProtectionOptionsValidator(environment));

        var builder = services.AddDataProtection()
            .SetApplicationName(PortalDataProtectionOptions.ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>()
            // AES-256-GCM (authenticated encryption, one primitive) instead of the default AES-256-CBC + HMACSHA256: every signed-in
            // page reads two protected cookies and writes a form token, and GCM costs less per operation. Only new keys use it;
            // keys already in the ring keep the algorithm they were made with.
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration { EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM });
        var settings = section.Get<PortalDataProtectionOptions>() ?? new PortalDataProtectionOptions();
        if (!string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
        {
            builder.ProtectKeysWithCertificate(settings.CertificateThumbprint.Trim());
        }
        else if (!string.IsNullOrWhiteSpace(settings.CertificatePath) && File.Exists(settings.CertificatePath))
        {
            builder.ProtectKeysWithCertificate(LoadCertificate(settings.CertificatePath, settings.CertificatePassword, $"{PortalDataProtectionOptions.SectionName}:CertificatePath"));
        }

        var previous = PreviousCertificates(settings);
        if (previous.Length > 0)
        {
            // Decryption only: a key encrypted with a retired certificate is still read, new keys use the current one.
            builder.UnprotectKeysWithAnyCertificate(previous);
        }

        StartKeyRingAfterMigrations(services);
        return services;
    }

    /// <summary>The retired certificates an operator listed; entries the validator refuses (no file, both or neither of path and
    /// thumbprint) are skipped here so that start-up stops with the validator's message instead.</summary>
    private static X509Certificate2[] PreviousCertificates(PortalDataProtectionOptions settings)
    {
        var certificates = new List<X509Certificate2>();
        for (var i = 0; i < settings.PreviousCertificates.Count; i++)
        {
            var entry = settings.PreviousCertificates[i];
            var setting = $"{PortalDataProtectionOptions.SectionName}:PreviousCertificates:{i}";
            var hasPath = !string.IsNullOrWhiteSpace(entry.CertificatePath);
            var hasThumbprint = !string.IsNullOrWhiteSpace(entry.CertificateThumbprint);
            if (hasPath && !hasThumbprint && File.Exists(entry.CertificatePath))
            {
                certificates.Add(LoadCertificate(entry.CertificatePath!, entry.CertificatePassword, setting + ":CertificatePath"));
            }
            else if (hasThumbprint && !hasPath)
            {
                certificates.Add(FindInStore(entry.CertificateThumbprint!.Trim(), setting + ":CertificateThumbprint"));
            }
        }

        return [.. certificates];
    }

    private static X509Certificate2 FindInStore(string thumbprint, string setting)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
        var certificate = found.OfType<X509Certificate2>().FirstOrDefault(c => c.HasPrivateKey);
        return certificate ?? throw new InvalidOperationException($"{setting}: no certificate with a private key and this thumbprint in the current user's My store.");
    }

    private static X509Certificate2 LoadCertificate(string path, string? password, string setting)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (certificate.HasPrivateKey)
            {
                return certificate;
            }

            certificate.Dispose();
            throw new InvalidOperationException($"{setting}: the certificate has no private key, so the keys it encrypts could not be read back.");
        }
        catch (CryptographicException exception)
        {
            var passwordSetting = setting[..setting.LastIndexOf(':')] + ":CertificatePassword";
            throw new InvalidOperationException($"{setting} could not be read (wrong {passwordSetting}, or not a PKCS#12 file).", exception);
        }
    }

    /// <summary>The framework loads the key ring in a hosted service registered with the first <c>AddDataProtection</c>, i.e.
    /// before the portal database is migrated; on a fresh database that first read would fail on the missing table. Hosted
    /// services start in registration order, so the key ring's moves behind every other one.</summary>
    private static void StartKeyRingAfterMigrations(IServiceCollection services)
    {
        var keyRingStart = services.Where(d => d.ServiceType == typeof(IHostedService) &&
                                               d.ImplementationType?.Name == "DataProtectionHostedService").ToList();
        foreach (var descriptor in keyRingStart)
        {
            services.Remove(descriptor);
            services.Add(descriptor);
        }
    }
}
