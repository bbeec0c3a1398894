using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Profiles.Core.Data;
using Profiles.Core.Tests.Pacing;

namespace Profiles.Core.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_migrations_describe_the_current_model()
    {
        using var file = new SqliteFile();
        using var db = file.CreateDbContext();

        // A change to a row class or PortalDbContext without a new migration (tools/add-migration.sh) fails here.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task Migrating_creates_every_table_and_is_repeatable()
    {
        using var file = new SqliteFile();

        await PortalDatabase.MigrateAsync(file, CancellationToken.None);
        await PortalDatabase.MigrateAsync(file, CancellationToken.None);

        await using var db = file.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
        Assert.Superset(
            new HashSet<string>
            {
                "rate_limit_buckets", "portal_secrets", "security_events", "action_cooldowns", "pending_email_changes",
                "session_revocations", "deletion_requests", "deletion_audit", "__EFMigrationsHistory",
            },
            tables.ToHashSet());
    }

    [Fact]
    public async Task A_missing_folder_for_the_database_file_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"profiles-migrate-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "nested", "portal.db");
        var factory = new PooledDbContextFactory<PortalDbContext>(
            new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
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
