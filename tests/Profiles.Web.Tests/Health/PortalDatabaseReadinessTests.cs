using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moq;
using Npgsql;
using Profiles.Core.Persistence;
using Profiles.TestServices;
using Profiles.Web.Health;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Health;

/// <summary>The portal database in <c>/health/ready</c>: a portal on PostgreSQL is ready once migrated; the check itself refuses
/// a server that does not answer and a schema that is behind this build.</summary>
public sealed class PortalDatabaseReadinessTests : TenantPortalTests
{
    protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;

    [Fact]
    public async Task A_portal_on_postgres_migrates_at_start_and_is_ready()
    {
        Portal.TokenProbe.Setup(p => p.CanObtainTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var response = await Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_unhealthy()
    {
        var closedPort = ServerProcess.FreePort();
        var check = Check($"Host=127.0.0.1;Port={closedPort};Username=postgres;Database=profiles;Timeout=5");

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task A_database_with_migrations_still_to_apply_is_unhealthy()
    {
        var connectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("web_health");
        try
        {
            var result = await Check(connectionString).CheckHealthAsync(new HealthCheckContext());

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("migrations", result.Description, StringComparison.Ordinal);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static PortalDatabaseReadinessCheck Check(string connectionString) =>
        new(new PooledDbContextFactory<PortalDbContext>(PortalDatabaseProviders.CreateOptions(PortalDatabaseProvider.Postgres, connectionString)));
}
