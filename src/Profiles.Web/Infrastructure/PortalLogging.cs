using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.Core.Logging;
using Profiles.Core.Settings;
using Profiles.Web.Authentication;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Profiles.Web.Infrastructure;

/// <summary>
/// Serilog from the <c>Serilog</c> section: a readable console in Development, one compact JSON object per line elsewhere
/// (<c>@t</c>, <c>@m</c>, <c>@l</c>, <c>@tr</c>/<c>@sp</c> = W3C trace and span id, then the properties), and one line per
/// request from Serilog's request logging.
/// </summary>
public static class PortalLogging
{
    /// <summary>The request line. <c>RequestPath</c> is the matched route, never the raw path or the query string (which carry
    /// the OIDC <c>code</c> and <c>state</c>, cancel tokens, or whatever a caller typed).</summary>
    public const string RequestMessageTemplate =
        "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms ({CorrelationId:l})";

    /// <summary>What <c>RequestPath</c> says for requests no endpoint matched (static files, 404s).</summary>
    public const string UnmatchedPath = "(unmatched)";

    /// <summary>The pseudonymous key (<c>u_…</c>) of the signed-in user on the request line.</summary>
    public const string UserKeyProperty = "UserKey";

    private const string DevelopmentTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();
        builder.Logging.ClearProviders();
        // preserveStaticLogger: every portal in a process (tests start many) keeps its own logger; Log.Logger stays untouched.
        // writeToProviders: providers added through ILoggingBuilder still receive every event (the OpenTelemetry provider
        // when OTLP export is on; the tests' capturing provider).
        builder.Services.AddSerilog((services, configuration) =>
        {
            configuration
                .ReadFrom.Configuration(builder.Configuration)
                // These write full URLs: query strings (the OIDC callback's code and state) and Management API paths with user
                // ids, which may contain an email. Whatever the configuration says, they stay at Warning.
                .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
                .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
                .Enrich.FromLogContext();
            // The console is written from one background thread: a synchronous console sink takes a lock and writes to the
            // pipe inside every request, and under load the requests queue on it. A full buffer (10 000 events) makes the
            // request wait rather than drop its line; the host flushes what is left when it stops.
            configuration.WriteTo.Async(
                sink =>
                {
                    if (development)
                    {
                        sink.Console(outputTemplate: DevelopmentTemplate, formatProvider: CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        sink.Console(new RenderedCompactJsonFormatter());
                    }
                },
                blockWhenFull: true);
        }, preserveStaticLogger: true, writeToProviders: true);
        CachingLoggerFactory.Decorate(builder.Services);
        builder.Services.TryAddSingleton(services =>
            new UserLogKey(services.GetRequiredService<IOptions<ManagementApiOptions>>().Value.ClientSecret));
    }

    /// <summary>The correlation id first (so every event of the request carries it), then one Serilog line per request.</summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = RequestMessageTemplate;
            options.GetMessageTemplateProperties = (context, _, elapsedMs, statusCode) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(RouteOf(context))),
                new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsedMs)),
            ];
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set(CorrelationId.LogProperty, context.TraceIdentifier);
                var user = context.RequestServices.GetRequiredService<ICurrentUser>();
                if (user.IsAuthenticated)
                {
                    diagnostics.Set(UserKeyProperty, context.RequestServices.GetRequiredService<UserLogKey>().For(user.UserId));
                }
            };
        });
        return app;
    }

    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : UnmatchedPath;
}
