using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Profiles.Core.Telemetry;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Telemetry;

public sealed class JourneyMetricsTests
{
    [Fact]
    public void An_outcome_is_one_measurement_on_the_portal_meter_tagged_with_journey_and_outcome()
    {
        var meterFactory = TestMetrics.MeterFactory();
        using var collector = new MetricCollector<long>(meterFactory, PortalTelemetry.MeterName, JourneyMetrics.OutcomesName);
        var metrics = TestMetrics.Journeys(meterFactory);

        metrics.Record(JourneyNames.Data, JourneyOutcomes.Exported);
        metrics.Record(JourneyNames.Password, JourneyOutcomes.Refused);

        var measurements = collector.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
        Assert.True(measurements[0].MatchesTags(new KeyValuePair<string, object?>("journey", "data"), new KeyValuePair<string, object?>("outcome", "exported")));
        Assert.True(measurements[1].MatchesTags(new KeyValuePair<string, object?>("journey", "password"), new KeyValuePair<string, object?>("outcome", "refused")));
        Assert.Equal(["journey", "outcome"], measurements[0].Tags.Keys.Order());
    }
}
