using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Profiles.Web.Authentication;
using Profiles.Core.Settings;

namespace Profiles.Web.Health;

/// <summary>Ready = the tenant's discovery document answers and a Management API token can be obtained.</summary>
public sealed class Auth0ReadinessCheck(
    IHttpClientFactory httpClientFactory,
    IOptions<Auth0Options> options,
    IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var authority = options.Value.Authority;
        var client = httpClientFactory.CreateClient(PortalSignIn.DiscoveryHttpClient);
        try
        {
            using var response = await client.GetAsync(new Uri(authority + "/.well-known/openid-configuration"), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return HealthCheckResult.Unhealthy($"Auth0 discovery answered {(int)response.StatusCode}.");
            }
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy("Auth0 discovery is unreachable.", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Auth0 discovery timed out.", ex);
        }

        var probe = services.GetService<IManagementTokenProbe>();
        if (probe is null)
        {
            return HealthCheckResult.Unhealthy("No Management API token probe is registered.");
        }

        return await probe.CanObtainTokenAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("A Management API token cannot be obtained.");
    }
}
