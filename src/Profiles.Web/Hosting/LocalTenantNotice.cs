using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Profiles.Web.Hosting;

/// <summary>
/// Development only: once the portal listens, one console line says where everything is when the local tenant runs in the
/// same process (the portal then sends its email to the tenant's outbox): the portal, the tenant's sign-in pages, its outbox
/// and the demo accounts with their passwords.
/// </summary>
public sealed partial class LocalTenantNotice(IConfiguration configuration, IServer server, IHostApplicationLifetime lifetime, ILogger<LocalTenantNotice> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var tenant = configuration["Profiles:Email:OutboxUrl"]?.TrimEnd('/');
        if (string.IsNullOrEmpty(tenant) || !string.Equals(tenant, configuration["Auth0:Domain"]?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var portal = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        LogLocalTenant(logger, portal, tenant, tenant + "/outbox", tenant + "/login/demo-accounts");
    }

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information,
        Message = "Development with the local tenant. Portal: {Portal}. Local tenant (sign-in pages, Management API): {Tenant}. Outbox (every email sent): {Outbox}. Demo accounts and their passwords: {DemoAccounts}")]
    private static partial void LogLocalTenant(ILogger logger, string portal, string tenant, string outbox, string demoAccounts);
}
