using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Persistence;

namespace Profiles.Core.Tests.Persistence;

/// <summary><c>PortalDatabase:Provider</c> picks the engine and its migrations; PostgreSQL without a connection string stops
/// start-up.</summary>
public sealed class PortalDatabaseRegistrationTests
{
    [Fact]
    public void Sqlite_is_the_default_with_its_own_migrations()
    {
        using var provider = Build([]);
        using var db = provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

        Assert.True(db.Database.IsSqlite());
        Assert.Equal(PortalDatabaseProviders.SqliteMigrationsAssembly, MigrationsAssembly(db));
        Assert.Equal(PortalDatabaseOptions.DefaultConnectionString, db.Database.GetConnectionString());
    }

    [Fact]
    public void Postgres_uses_npgsql_and_the_postgres_migrations()
    {
        using var provider = Build(new()
        {
            ["PortalDatabase:Provider"] = "Postgres",
            ["PortalDatabase:ConnectionString"] = "Host=db.internal;Database=profiles;Username=profiles",
        });
        using var db = provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

        Assert.True(db.Database.IsNpgsql());
        Assert.Equal(PortalDatabaseProviders.PostgresMigrationsAssembly, MigrationsAssembly(db));
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a connection string")]
    public void Postgres_without_a_usable_connection_string_fails_validation(string? connectionString)
    {
        using var provider = Build(new()
        {
            ["PortalDatabase:Provider"] = "Postgres",
            ["PortalDatabase:ConnectionString"] = connectionString,
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PortalDatabaseOptions>>().Value);
        Assert.Contains("PortalDatabase:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static string? MigrationsAssembly(PortalDbContext db) =>
        db.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().Single().MigrationsAssembly;

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
}
