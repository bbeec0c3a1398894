using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Profiles.Web.Telemetry;

/// <summary>
/// A second, minimal Kestrel server that only answers <see cref="PrometheusOptions.Path"/> from the portal's meter provider. Kept
/// apart from the portal's own server so the scrape endpoint can never be reached through the public port, whatever its URLs,
/// proxies or Host headers.
/// </summary>
public sealed partial class PrometheusScrapeServer(MeterProvider meterProvider, IOptions<PrometheusOptions> options,
    ILogger<PrometheusScrapeServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    /// <summary>The scrape URL once started (with the actual port when <see cref="PrometheusOptions.Port"/> is 0).</summary>
    public Uri? ScrapeUri { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(settings.Address), settings.Port));
        _server = builder.Build();
        _server.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: settings.Path,
            configureBranchedPipeline: null, optionsName: null);
        await _server.StartAsync(cancellationToken);
        ScrapeUri = new Uri(new Uri(_server.Urls.First()), settings.Path);
        LogListening(logger, ScrapeUri);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Prometheus scrape endpoint listening on {ScrapeUri}")]
    private static partial void LogListening(ILogger logger, Uri scrapeUri);
}
