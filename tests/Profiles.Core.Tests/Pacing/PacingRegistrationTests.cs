using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Pacing;
using Profiles.Core.Settings;

namespace Profiles.Core.Tests.Pacing;

public sealed class PacingRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = "tenant.example",
            ["Auth0:ClientId"] = "portal",
            ["Auth0:ClientSecret"] = "portal-secret",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var services = new ServiceCollection().AddLogging();
        services.AddProfilesCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Pacing_defaults_to_auto_in_memory()
    {
        using var provider = Build([]);

        Assert.IsType<InMemoryRateLimitCoordinator>(provider.GetRequiredService<IRateLimitCoordinator>());
        var pacing = provider.GetRequiredService<IOptions<ManagementApiOptions>>().Value.Pacing;
        Assert.Equal(PacingPlans.Auto, pacing.Plan);
        Assert.NotNull(provider.GetRequiredService<RateLimitPacer>());
    }

    [Fact]
    public void Shared_pacing_uses_the_portal_database()
    {
        using var database = new SqliteFile();
        using var provider = Build(new()
        {
            ["Auth0:Management:Pacing:Shared"] = "true",
            ["Auth0:Management:Pacing:Plan"] = "essentials",
            ["PortalDatabase:ConnectionString"] = database.ConnectionString,
        });

        Assert.IsType<DatabaseRateLimitCoordinator>(provider.GetRequiredService<IRateLimitCoordinator>());
    }

    [Fact]
    public void Shared_pacing_keeps_its_buckets_in_the_portal_database()
    {
        using var provider = Build(new() { ["Auth0:Management:Pacing:Shared"] = "true" });

        Assert.IsType<DatabaseRateLimitCoordinator>(provider.GetRequiredService<IRateLimitCoordinator>());
    }

    [Fact]
    public void An_unknown_plan_fails_validation()
    {
        using var provider = Build(new() { ["Auth0:Management:Pacing:Plan"] = "platinum" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ManagementApiOptions>>().Value);
        Assert.Contains("Pacing:Plan", error.Message, StringComparison.Ordinal);
    }
}
