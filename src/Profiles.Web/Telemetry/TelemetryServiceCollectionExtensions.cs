using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Profiles.Core.Telemetry;

namespace Profiles.Web.Telemetry;

/// <summary>
/// OpenTelemetry for the portal: traces (ASP.NET Core, HttpClient, EF Core, the portal's own source) and metrics (ASP.NET Core,
/// HttpClient, .NET runtime, the portal's own meter). Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (the SDK reads the other <c>OTEL_*</c> variables itself); scraped by Prometheus only when
/// <see cref="PrometheusOptions.Enabled"/>.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string DefaultServiceName = "profiles-portal";

    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(PrometheusOptions.SectionName);
        services.AddOptions<PrometheusOptions>().Bind(section)
            .Validate(o => IPAddress.TryParse(o.Address, out _), "Profiles:Telemetry:Prometheus:Address must be an IP address (e.g. 127.0.0.1).")
            .Validate(o => o.Port is >= 0 and <= 65535, "Profiles:Telemetry:Prometheus:Port must be between 0 and 65535.")
            .Validate(o => o.Path.StartsWith('/') && o.Path.Length > 1, "Profiles:Telemetry:Prometheus:Path must start with '/' (e.g. /metrics).")
            .ValidateOnStart();
        var prometheus = section.Get<PrometheusOptions>() ?? new PrometheusOptions();

        var telemetry = services.AddOpenTelemetry()
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over the default name: their detector runs after it.
            .ConfigureResource(resource => resource.AddService(DefaultServiceName).AddEnvironmentVariableDetector())
            .WithTracing(tracing => tracing
                .AddSource(PortalTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsOperational(context.Request.Path, prometheus))
                .AddHttpClientInstrumentation()
                // Statements with their parameter placeholders only: parameter values (user ids, addresses) are never recorded.
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(PortalTelemetry.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter();
        }

        if (prometheus.Enabled)
        {
            services.AddSingleton<PrometheusScrapeServer>();
            services.AddHostedService(sp => sp.GetRequiredService<PrometheusScrapeServer>());
        }

        return services;
    }

    /// <summary>Probes and scrapes: frequent, uninteresting, and they would crowd out the traces of real requests.</summary>
    private static bool IsOperational(PathString path, PrometheusOptions prometheus) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ||
        path.Equals(prometheus.Path, StringComparison.OrdinalIgnoreCase);
}
