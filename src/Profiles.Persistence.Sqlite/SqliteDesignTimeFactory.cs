using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Profiles.Core.Persistence;

namespace Profiles.Persistence.Sqlite;

/// <summary>How `dotnet ef` builds the context for this provider's migrations: scaffolding a migration only needs the model
/// and the provider, never a real database (the connection string is not opened).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabaseProviders.CreateOptions(PortalDatabaseProvider.Sqlite, "Data Source=:memory:"));
}
