using Microsoft.EntityFrameworkCore;

namespace Profiles.Core.Data;

/// <summary>Schema management. Until a migrations project exists the schema is created with <c>EnsureCreated</c> on first use
/// (docs/decisions/0006); a later schema change must move to EF migrations.</summary>
public static class PortalDatabase
{
    public static async Task EnsureCreatedAsync(IDbContextFactory<PortalDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
    }
}
