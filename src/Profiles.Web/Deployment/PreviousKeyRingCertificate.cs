namespace Profiles.Web.Deployment;

/// <summary>A certificate that encrypted keys of the shared key ring before the current one, kept so those keys stay readable
/// after a rotation (<c>Profiles:DataProtection:PreviousCertificates:N</c>). New keys are never encrypted with it.</summary>
public sealed class PreviousKeyRingCertificate
{
    /// <summary>A PKCS#12 (.pfx) file holding the old certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one. A secret: pass it from a secret store.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Instead of a file: the thumbprint of the old certificate in the current user's <c>My</c> store.</summary>
    public string? CertificateThumbprint { get; set; }
}
