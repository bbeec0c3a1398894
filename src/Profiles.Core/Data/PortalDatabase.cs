using Microsoft.EntityFrameworkCore;

namespace Profiles.Core.Data;

/// <summary>Schema management: EF Core migrations, applied at start-up (docs/decisions/0007).</summary>
public static class PortalDatabase
{
    /// <summary>Brings the database to the latest migration; creates the SQLite file (and its folder) when missing.</summary>
    public static async Task MigrateAsync(IDbContextFactory<PortalDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
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
}
