using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Profiles.Core.Management;
using Profiles.Core.Resilience;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Telemetry;

/// <summary>What the registered pipelines report through Polly.Extensions without any code of the portal's.</summary>
public sealed class PollyTelemetryTests
{
    [Fact]
    public async Task A_retry_of_the_management_pipeline_is_reported_as_a_polly_resilience_event()
    {
        var time = new FakeTimeProvider();
        var tenant = CoreServices.Tenant((request, _) => Task.FromResult(request.Index == 1
            ? StubHandler.TooManyRequests(response => response.Headers.TryAddWithoutValidation("Retry-After", "1"))
            : StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser)));
        await using var provider = CoreServices.Build(time, tenant);
        // Polly's meter is static (not from IMeterFactory), so other tests' pipelines may report into it at the same time.
        using var events = new MetricCollector<int>((object?)null, "Polly", "resilience.polly.strategy.events");

        await time.DriveAsync(provider.GetRequiredService<IUsersClient>().GetAsync(Fixtures.DatabaseUserId));

        Assert.Contains(events.GetMeasurementSnapshot(), m => Equals(m.Tags["event.name"], "OnRetry") && Equals(m.Tags["strategy.name"], "Retry")
            && (Convert.ToString(m.Tags["pipeline.name"], System.Globalization.CultureInfo.InvariantCulture) ?? "").EndsWith(ManagementResiliencePipeline.PipelineName, StringComparison.Ordinal));
    }
}
