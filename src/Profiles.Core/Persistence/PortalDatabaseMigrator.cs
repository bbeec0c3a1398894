using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Profiles.Core.Persistence;

/// <summary>Applies pending migrations before the portal takes requests (hosted services start before the server).</summary>
public sealed class PortalDatabaseMigrator(IDbContextFactory<PortalDbContext> factory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => PortalDatabase.MigrateAsync(factory, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
