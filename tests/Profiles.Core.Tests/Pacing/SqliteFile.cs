using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Profiles.Core.Data;

namespace Profiles.Core.Tests.Pacing;

/// <summary>A temporary portal database file, shared by the "instances" of a test.</summary>
public sealed class SqliteFile : IDisposable, IDbContextFactory<PortalDbContext>
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"profiles-pacing-{Guid.NewGuid():N}.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false, DefaultTimeout = 30 }.ToString();

    public PortalDbContext CreateDbContext() => new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
