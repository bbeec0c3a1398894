using Microsoft.EntityFrameworkCore;

namespace Profiles.Core.Persistence;

/// <summary>
/// The one place that points a <see cref="PortalDbContext"/> at its engine. Each provider has its own migrations, in its own
/// assembly (EF Core's layout for several providers): the SQL each one writes differs (column types, identity columns), and
/// the model snapshot is per provider. The portal, the tests and <c>dotnet ef</c> all configure the context through here.
/// </summary>
public static class PortalDatabaseProviders
{
    public const string SqliteMigrationsAssembly = "Profiles.Persistence.Sqlite";

    public const string PostgresMigrationsAssembly = "Profiles.Persistence.Postgres";

    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder builder, PortalDatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            PortalDatabaseProvider.Postgres => builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
        };
    }

    /// <summary>Options for a context built by hand (design time, tests).</summary>
    public static DbContextOptions<PortalDbContext> CreateOptions(PortalDatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalDatabase(provider, connectionString);
        return builder.Options;
    }
}
