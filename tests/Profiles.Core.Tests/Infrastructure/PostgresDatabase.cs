using Npgsql;
using Profiles.Core.Persistence;
using Profiles.TestServices;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary>A database of its own on the run's PostgreSQL server (<see cref="PostgresServer"/>); left for the server's
/// removal at the end of the run, only its pooled connections are closed here.</summary>
public sealed class PostgresDatabase : PortalTestDatabase
{
    public PostgresDatabase()
    {
        // Off the test framework's synchronisation context: the server start and CREATE DATABASE are awaited from a constructor.
        ConnectionString = Task.Run(async () => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("core")).GetAwaiter().GetResult();
    }

    public override PortalDatabaseProvider Provider => PortalDatabaseProvider.Postgres;

    public override string ConnectionString { get; }

    protected override void Dispose(bool disposing)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
