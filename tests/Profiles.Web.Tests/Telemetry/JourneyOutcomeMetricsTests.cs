using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Profiles.Core.Telemetry;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Telemetry;

public sealed class JourneyOutcomeMetricsTests : TenantPortalTests
{
    [Fact]
    public async Task A_data_export_counts_one_exported_outcome_and_a_second_one_in_the_cooldown_one_throttled()
    {
        using var collector = new MetricCollector<long>(Portal.Services.GetRequiredService<IMeterFactory>(), PortalTelemetry.MeterName,
            JourneyMetrics.OutcomesName);
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var page = await GetPageAsync("/data");

        var first = await PostAsync("/data?handler=Export", page, []);
        var second = await PostAsync("/data?handler=Export", await GetPageAsync("/data"), []);

        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        // The refusal is the page again, with the wait.
        Assert.Equal("text/html", second.Content.Headers.ContentType!.MediaType);
        var measurements = collector.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
        Assert.Equal(("data", "exported"), Tags(measurements[0]));
        Assert.Equal(("data", "throttled"), Tags(measurements[1]));
    }

    private static (object?, object?) Tags(CollectedMeasurement<long> measurement) => (measurement.Tags["journey"], measurement.Tags["outcome"]);
}
