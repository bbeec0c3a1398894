using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary>A fresh, empty portal database (no migration applied) for one test, on either provider, shared by the "instances"
/// of that test. Database tests take the provider as a constructor argument and run once per provider.</summary>
public abstract class PortalTestDatabase : IDbContextFactory<PortalDbContext>, IDisposable
{
    public abstract PortalDatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public static PortalTestDatabase Create(PortalDatabaseProvider provider) =>
        provider == PortalDatabaseProvider.Postgres ? new PostgresDatabase() : new Pacing.SqliteFile();

    public PortalDbContext CreateDbContext() => new(PortalDatabaseProviders.CreateOptions(Provider, ConnectionString));

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
