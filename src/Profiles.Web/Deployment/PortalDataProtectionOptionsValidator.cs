using Microsoft.Extensions.Options;

namespace Profiles.Web.Deployment;

/// <summary>Start-up checks of <c>Profiles:DataProtection</c>: in Production the shared key ring must be encrypted at rest
/// (anyone who reads the database could otherwise forge sign-in cookies) unless the operator opts out explicitly.</summary>
public sealed class PortalDataProtectionOptionsValidator(IHostEnvironment environment) : IValidateOptions<PortalDataProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalDataProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasPath = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var hasThumbprint = !string.IsNullOrWhiteSpace(options.CertificateThumbprint);
        var failures = new List<string>();
        if (hasPath && hasThumbprint)
        {
            failures.Add("Profiles:DataProtection: set CertificatePath or CertificateThumbprint, not both.");
        }

        if (hasPath && !File.Exists(options.CertificatePath))
        {
            failures.Add("Profiles:DataProtection:CertificatePath names a file that does not exist.");
        }

        for (var i = 0; i < options.PreviousCertificates.Count; i++)
        {
            var previous = options.PreviousCertificates[i];
            var setting = $"Profiles:DataProtection:PreviousCertificates:{i}";
            var previousHasPath = !string.IsNullOrWhiteSpace(previous.CertificatePath);
            var previousHasThumbprint = !string.IsNullOrWhiteSpace(previous.CertificateThumbprint);
            if (previousHasPath == previousHasThumbprint)
            {
                failures.Add($"{setting}: set CertificatePath or CertificateThumbprint (one of them).");
            }
            else if (previousHasPath && !File.Exists(previous.CertificatePath))
            {
                failures.Add($"{setting}:CertificatePath names a file that does not exist.");
            }
        }

        if (options.PreviousCertificates.Count > 0 && !hasPath && !hasThumbprint)
        {
            // Previous certificates only decrypt: without a current one new keys would be stored unencrypted.
            failures.Add("Profiles:DataProtection:PreviousCertificates needs a current certificate (CertificatePath or CertificateThumbprint) to encrypt new keys.");
        }

        if (environment.IsProduction() && !hasPath && !hasThumbprint && !options.AllowUnencryptedKeys)
        {
            failures.Add("Profiles:DataProtection:CertificatePath (or CertificateThumbprint) is missing: in Production the data-protection keys in the portal database must be encrypted with a certificate. Set Profiles:DataProtection:AllowUnencryptedKeys=true only if the database is protected otherwise.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
