using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Logging.Abstractions;
using Profiles.Web.Hosting;

namespace Profiles.Web.Tests.Hosting;

/// <summary>Development's explicit "keys unencrypted" choice applies only when nothing else encrypts them.</summary>
public sealed class DevelopmentKeyRingTests
{
    [Fact]
    public void Without_an_encryptor_the_keys_are_stored_unencrypted_by_choice_with_a_named_repository()
    {
        var options = new KeyManagementOptions();
        new DevelopmentKeyRing(NullLoggerFactory.Instance).PostConfigure(null, options);
        Assert.IsType<NullXmlEncryptor>(options.XmlEncryptor);
        Assert.NotNull(options.XmlRepository);
    }

    [Fact]
    public void A_configured_encryptor_is_kept()
    {
        var configured = new NullXmlEncryptor();
        var options = new KeyManagementOptions { XmlEncryptor = configured };
        new DevelopmentKeyRing(NullLoggerFactory.Instance).PostConfigure(null, options);
        Assert.Same(configured, options.XmlEncryptor);
        Assert.Null(options.XmlRepository);
    }
}
