namespace Profiles.Web.Tests.Deployment;

/// <summary><c>docs/configuration.md</c> is the operator's list of settings: every property of the portal's options classes
/// must be in it, so a new setting cannot ship undocumented.</summary>
public sealed class ConfigurationReferenceTests
{
    [Fact]
    public void Every_setting_is_listed_in_the_configuration_reference()
    {
        var reference = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "configuration.md"));
        var settings = SettingKeys.All().ToList();

        Assert.Contains("Profiles:ForwardedHeaders:KnownNetworks", settings);
        Assert.Contains("Profiles:Deletion:ClaimTimeoutMinutes", settings);
        var missing = settings.Where(k => !reference.Any(line => Names(line, k))).ToList();
        Assert.True(missing.Count == 0, "Not in docs/configuration.md: " + string.Join(", ", missing));
    }

    /// <summary>A line of the reference names a setting in full (<c>`Profiles:Deletion:PollSeconds`</c>), or as the second of a
    /// pair after its section (<c>`Profiles:Deletion:PollSeconds` / `ClaimTimeoutMinutes`</c>).</summary>
    private static bool Names(string line, string key)
    {
        var section = key[..key.LastIndexOf(':')];
        return line.Contains("`" + key + "`", StringComparison.Ordinal) ||
               line.Contains("`" + key + ":", StringComparison.Ordinal) ||
               (line.Contains("`" + section + ":", StringComparison.Ordinal) && line.Contains("/ `" + key[(section.Length + 1)..] + "`", StringComparison.Ordinal));
    }
}
