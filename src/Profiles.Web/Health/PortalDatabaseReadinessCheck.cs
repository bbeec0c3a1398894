using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Profiles.Core.Persistence;

namespace Profiles.Web.Health;

/// <summary>Ready = the portal database (SQLite file or PostgreSQL server) answers and its schema is at the latest migration
/// this build knows: an instance whose database went away, or that runs ahead of a migration still being applied by
/// another instance, takes no traffic.</summary>
public sealed class PortalDatabaseReadinessCheck(IDbContextFactory<PortalDbContext> factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The portal database is unreachable.");
            }

            return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                ? HealthCheckResult.Unhealthy("The portal database has migrations still to apply.")
                : HealthCheckResult.Healthy();
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy("The portal database could not be read.", ex);
        }
    }
}
