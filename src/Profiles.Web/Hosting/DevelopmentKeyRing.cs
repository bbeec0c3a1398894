using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Hosting;

/// <summary>
/// Development only, and only when no key encryption is configured: the data-protection keys are stored unencrypted, as an
/// explicit choice instead of the framework's fallback (which warns on every new key). A development key ring protects
/// nothing worth a certificate, and every developer's machine would need one. Where keys are stored is left to whatever
/// configures it (the user's profile directory, the framework's default, when nothing does). Production never gets here:
/// there the keys are encrypted with the configured certificate.
/// </summary>
public sealed partial class DevelopmentKeyRing(ILoggerFactory loggerFactory) : IPostConfigureOptions<KeyManagementOptions>
{
    public void PostConfigure(string? name, KeyManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.XmlEncryptor is not null)
        {
            return;
        }

        // The framework refuses an encryptor without a repository; name the default one so both are explicit.
        options.XmlRepository ??= new FileSystemXmlRepository(DefaultDirectory(), loggerFactory);
        options.XmlEncryptor = new NullXmlEncryptor();
        LogUnencryptedKeys(loggerFactory.CreateLogger<DevelopmentKeyRing>());
    }

    private static DirectoryInfo DefaultDirectory() =>
        new(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aspnet", "DataProtection-Keys"));

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information,
        Message = "Development: data-protection keys are stored unencrypted on purpose (set a key-encryption certificate to encrypt them)")]
    private static partial void LogUnencryptedKeys(ILogger logger);
}
