namespace Profiles.Core.Telemetry;

/// <summary>
/// Names shared by every instrument and activity source of the portal, so one <c>AddMeter</c>/<c>AddSource</c> call
/// exports all of them.
/// </summary>
public static class PortalTelemetry
{
    /// <summary>The name of the portal's <see cref="System.Diagnostics.Metrics.Meter"/> (created through IMeterFactory).</summary>
    public const string MeterName = "Profiles";

    /// <summary>The name of the portal's activity source for its own spans.</summary>
    public const string ActivitySourceName = "Profiles";
}
