using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Profiles.Core.Persistence;

/// <summary>Schema management: EF Core migrations, applied at start-up (docs/decisions/0007, 0016).</summary>
public static class PortalDatabase
{
    /// <summary>The PostgreSQL advisory lock every instance takes around its migration: any constant works, as long as
    /// every version of the portal uses the same one ("Profiles" in ASCII).</summary>
    public const long MigrationLockKey = 0x50726F66696C6573;

    /// <summary>Brings the database to the latest migration. SQLite: creates the file (and its folder) when missing.
    /// PostgreSQL: creates the database when missing, and migrates under an advisory lock, so instances starting together
    /// apply each migration once, one after the other, and none serves requests before the schema is current.</summary>
    public static async Task MigrateAsync(IDbContextFactory<PortalDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await MigrateUnderLockAsync(db, cancellationToken);
            return;
        }

        if (db.Database.GetDbConnection().DataSource is { Length: > 0 } dataSource && db.Database.IsSqlite() &&
            !dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    private static async Task MigrateUnderLockAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another instance created it between our check and our CREATE DATABASE.
            }
        }

        // A session lock on the connection the migrator then uses: it is held across the migrator's own transactions, and
        // released by the unlock below, or by the server if this process dies (the session ends).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
