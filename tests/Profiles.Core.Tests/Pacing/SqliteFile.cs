using Microsoft.Data.Sqlite;
using Profiles.Core.Persistence;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Pacing;

/// <summary>A temporary portal database file, shared by the "instances" of a test.</summary>
public sealed class SqliteFile : PortalTestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"profiles-pacing-{Guid.NewGuid():N}.db");

    public override PortalDatabaseProvider Provider => PortalDatabaseProvider.Sqlite;

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false, DefaultTimeout = 30 }.ToString();

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
