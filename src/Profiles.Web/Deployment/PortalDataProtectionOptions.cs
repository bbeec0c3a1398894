namespace Profiles.Web.Deployment;

/// <summary>The data-protection key ring, section <c>Profiles:DataProtection</c>. The keys live in the portal database so every
/// instance shares them; these settings say how they are encrypted at rest.</summary>
public sealed class PortalDataProtectionOptions
{
    public const string SectionName = "Profiles:DataProtection";

    /// <summary>The application name every instance protects with: instances with different names cannot read each other's
    /// cookies, whatever key ring they share.</summary>
    public const string ApplicationName = "Profiles";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the keys in the database (its private key decrypts them).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one. A secret: pass it from a secret store.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Instead of a file: the thumbprint of a certificate in the current user's <c>My</c> store.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>Certificates that encrypted older keys (a rotation): their keys stay readable, new keys use the current
    /// certificate. Remove one once every key it encrypted has expired.</summary>
    public IList<PreviousKeyRingCertificate> PreviousCertificates { get; } = [];

    /// <summary>Lets Production start with unencrypted keys, when the database itself is the protected secret (encrypted
    /// volume, no backups outside it). Off by default.</summary>
    public bool AllowUnencryptedKeys { get; set; }
}
