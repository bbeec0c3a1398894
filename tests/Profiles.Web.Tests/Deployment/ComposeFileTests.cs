namespace Profiles.Web.Tests.Deployment;

/// <summary>No Docker engine runs here, so <c>deploy/compose.yaml</c> is checked against the code: every <c>Profiles__</c> and
/// <c>Auth0__</c> variable it sets must be a real setting (a misspelt key would be ignored silently at run time), and it sets
/// what Production refuses to start without.</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void Every_portal_variable_in_the_compose_file_is_a_real_setting()
    {
        var portalKeys = EnvironmentKeys()
            .Where(k => k.StartsWith("Profiles__", StringComparison.Ordinal) || k.StartsWith("Auth0__", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(portalKeys);
        var unknown = portalKeys.Where(k => !SettingKeys.IsSetting(k.Replace("__", ":", StringComparison.Ordinal))).ToList();
        Assert.True(unknown.Count == 0, "Not a setting of the portal: " + string.Join(", ", unknown));
    }

    [Theory]
    [InlineData("Auth0__Domain")]
    [InlineData("Auth0__ClientId")]
    [InlineData("Auth0__ClientSecret")]
    [InlineData("Profiles__PublicOrigin")]
    [InlineData("Profiles__DataProtection__CertificatePath")]
    [InlineData("Profiles__ForwardedHeaders__KnownNetworks__0")]
    public void The_compose_file_sets_what_production_needs(string key) => Assert.Contains(key, EnvironmentKeys());

    [Theory]
    [InlineData("Profiles:PublicOrigin", true)]
    [InlineData("Profiles:DataProtection:CertificatePath", true)]
    [InlineData("Profiles:ForwardedHeaders:KnownNetworks:0", true)]
    [InlineData("Auth0:Management:ClientSecret", true)]
    [InlineData("Auth0:Management:Pacing", false)]
    [InlineData("Profiles:DataProtection:CertificatPath", false)]
    [InlineData("Profiles:ForwardedHeaders:KnownNetworks:first", false)]
    [InlineData("Profiles:PublicOrigin:Host", false)]
    [InlineData("Profiles:Nothing", false)]
    public void The_check_tells_settings_from_misspellings(string key, bool isSetting) => Assert.Equal(isSetting, SettingKeys.IsSetting(key));

    private static List<string> EnvironmentKeys() => [.. ComposeFile.Environment().Keys];
}
