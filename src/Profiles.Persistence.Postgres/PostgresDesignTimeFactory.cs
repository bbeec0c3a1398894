using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Profiles.Core.Persistence;

namespace Profiles.Persistence.Postgres;

/// <summary>How `dotnet ef` builds the context for this provider's migrations: scaffolding a migration only needs the model
/// and the provider, never a real database (the connection string is not opened).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabaseProviders.CreateOptions(PortalDatabaseProvider.Postgres, "Host=localhost;Database=profiles"));
}
