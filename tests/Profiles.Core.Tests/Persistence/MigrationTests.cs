using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Profiles.Core.Persistence;
using Profiles.Core.Tests.Infrastructure;
using Profiles.TestServices;

namespace Profiles.Core.Tests.Persistence;

public abstract class MigrationTests(PortalDatabaseProvider provider)
{
    private static readonly string[] PortalTables =
    [
        "rate_limit_buckets", "portal_secrets", "security_events", "action_cooldowns", "pending_email_changes",
        "session_revocations", "ended_sessions", "portal_sessions", "deletion_requests", "deletion_audit", "data_protection_keys",
        "consent_records", "__EFMigrationsHistory",
    ];

    [Fact]
    public void The_migrations_describe_the_current_model()
    {
        using var database = PortalTestDatabase.Create(provider);
        using var db = database.CreateDbContext();

        // A change to a row class or PortalDbContext without a new migration for this provider fails here. Add one for each
        // provider with `dotnet tool restore`, then `dotnet ef migrations add <Name> --project src/Profiles.Persistence.Sqlite
        // --output-dir Migrations` and the same with `src/Profiles.Persistence.Postgres`.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrating_creates_every_table_and_is_repeatable()
    {
        using var database = PortalTestDatabase.Create(provider);

        await PortalDatabase.MigrateAsync(database, CancellationToken.None);
        await PortalDatabase.MigrateAsync(database, CancellationToken.None);

        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(PortalTables.Order(StringComparer.Ordinal), (await TablesAsync(db)).Where(t => !IsEngineTable(t)).Order(StringComparer.Ordinal));
    }

    /// <summary>Tables the engine or EF's SQLite provider keep for themselves (<c>sqlite_sequence</c>, the migration lock).</summary>
    private static bool IsEngineTable(string table) =>
        table.StartsWith("sqlite_", StringComparison.Ordinal) || table == "__EFMigrationsLock";

    private static Task<List<string>> TablesAsync(PortalDbContext db) =>
        (db.Database.IsNpgsql()
            ? db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            : db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"))
        .ToListAsync();

    public sealed class OnSqlite() : MigrationTests(PortalDatabaseProvider.Sqlite)
    {
        [Fact]
        public async Task A_missing_folder_for_the_database_file_is_created()
        {
            var folder = Path.Combine(Path.GetTempPath(), $"profiles-migrate-{Guid.NewGuid():N}");
            var path = Path.Combine(folder, "nested", "portal.db");
            var factory = new PooledDbContextFactory<PortalDbContext>(
                PortalDatabaseProviders.CreateOptions(PortalDatabaseProvider.Sqlite, $"Data Source={path};Pooling=False"));
            try
            {
                await PortalDatabase.MigrateAsync(factory, CancellationToken.None);

                Assert.True(File.Exists(path));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public sealed class OnPostgres() : MigrationTests(PortalDatabaseProvider.Postgres)
    {
        [Fact]
        public async Task Instances_starting_together_on_a_database_that_does_not_exist_yet_migrate_it_once()
        {
            // Three instances start at once against a database nobody has created: one creates it, the advisory lock lets one
            // migrate at a time, and the others find the schema current. Without the lock they race on CREATE TABLE.
            var server = await PostgresServer.SharedAsync();
            var connectionString = server.ConnectionString($"core_fresh_{Guid.NewGuid():N}");
            var factory = new PooledDbContextFactory<PortalDbContext>(PortalDatabaseProviders.CreateOptions(PortalDatabaseProvider.Postgres, connectionString));
            try
            {
                using var start = new ManualResetEventSlim();
                var instances = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
                {
                    start.Wait();
                    await PortalDatabase.MigrateAsync(factory, CancellationToken.None);
                })).ToList();
                start.Set();
                await Task.WhenAll(instances);

                await using var db = factory.CreateDbContext();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
                Assert.Equal(PortalTables.Order(StringComparer.Ordinal), (await TablesAsync(db)).Where(t => !IsEngineTable(t)).Order(StringComparer.Ordinal));
            }
            finally
            {
                using var connection = new NpgsqlConnection(connectionString);
                NpgsqlConnection.ClearPool(connection);
            }
        }

        [Fact]
        public async Task The_migration_waits_for_the_lock_another_instance_holds()
        {
            using var database = new PostgresDatabase();
            await using var holder = new NpgsqlConnection(database.ConnectionString);
            await holder.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PortalDatabase.MigrationLockKey})", holder))
            {
                await take.ExecuteNonQueryAsync();
            }

            var migrating = PortalDatabase.MigrateAsync(database, CancellationToken.None);
            // The migration is blocked behind the holder (the server lists its lock request as not granted), and stays so.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!await WaitingForLockAsync(holder))
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The migration never asked for the advisory lock.");
            }

            Assert.False(migrating.IsCompleted);

            await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PortalDatabase.MigrationLockKey})", holder))
            {
                await release.ExecuteNonQueryAsync();
            }

            await migrating;
            await using var migrated = database.CreateDbContext();
            Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
        }

        private static async Task<bool> WaitingForLockAsync(NpgsqlConnection holder)
        {
            await using var query = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", holder);
            return (long)(await query.ExecuteScalarAsync())! > 0;
        }
    }
}
