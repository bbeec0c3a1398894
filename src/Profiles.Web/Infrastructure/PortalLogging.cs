using Serilog;
using Serilog.Formatting.Json;

namespace Profiles.Web.Infrastructure;

/// <summary>Serilog from the <c>Serilog</c> section: readable console in Development, one JSON object per line elsewhere.</summary>
public static class PortalLogging
{
    public static void Configure(WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext();

        configuration = builder.Environment.IsDevelopment()
            ? configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            : configuration.WriteTo.Console(new JsonFormatter(renderMessage: true));

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
    }
}
