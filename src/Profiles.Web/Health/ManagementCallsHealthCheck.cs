using Microsoft.Extensions.Diagnostics.HealthChecks;
using Profiles.Core.Management;

namespace Profiles.Web.Health;

/// <summary>Degraded while recent Management API calls mostly fail (<see cref="ManagementCallMonitor"/>): the portal still serves
/// pages, but profiles cannot be read or saved. The numbers only, never a user.</summary>
public sealed class ManagementCallsHealthCheck(ManagementCallMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (failures, successes) = monitor.Recent();
        var data = new Dictionary<string, object> { ["failures"] = failures, ["successes"] = successes };
        return Task.FromResult(monitor.IsDegraded()
            ? HealthCheckResult.Degraded($"{failures} of the last {failures + successes} Management API calls failed.", data: data)
            : HealthCheckResult.Healthy(data: data));
    }
}
