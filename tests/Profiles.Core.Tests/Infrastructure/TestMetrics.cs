using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Telemetry;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary>The portal's instruments on a meter factory of their own, so one test never counts another's measurements.</summary>
public static class TestMetrics
{
    public static IMeterFactory MeterFactory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static JourneyMetrics Journeys() => new(MeterFactory());

    public static JourneyMetrics Journeys(IMeterFactory meterFactory) => new(meterFactory);
}
