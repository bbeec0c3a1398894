using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Telemetry;

public sealed class TracingTests : TenantPortalTests
{
    private readonly SpanList _spans = new();

    protected override void ConfigurePortalServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));

    [Fact]
    public async Task A_request_traces_its_server_span_its_auth0_calls_and_its_database_commands_under_the_correlation_id()
    {
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var page = await GetPageAsync("/data");

        var response = await PostAsync("/data?handler=Export", page, []);

        // Without an X-Correlation-ID of the caller's, the correlation id is the request's W3C trace id.
        var traceId = response.Headers.GetValues("X-Correlation-ID").Single();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        // The server span ends just after the response is sent: wait for it, with a deadline.
        await Eventually.TrueAsync(() => Task.FromResult(Trace(traceId).Any(IsPortalServerSpan)), "the portal's server span");
        var spans = Trace(traceId);
        var server = Assert.Single(spans, IsPortalServerSpan);
        Assert.Equal("POST", server.GetTagItem("http.request.method"));
        // The Management API read of the export (the local tenant continues the trace: traceparent is propagated).
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http");
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") is "/api/v2/users/{id}");
        Assert.Contains(spans, s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(spans, s => s.Tags.Any(t => t.Value?.Contains("dave@example.com", StringComparison.OrdinalIgnoreCase) == true));
    }

    private static bool IsPortalServerSpan(Activity span) =>
        span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore" && span.GetTagItem("http.route") is string route &&
        route.Equals("data", StringComparison.OrdinalIgnoreCase);

    private List<Activity> Trace(string traceId) => _spans.Snapshot().Where(s => s.TraceId.ToHexString() == traceId).ToList();

    /// <summary>The exporter adds from whichever thread ends a span; the test reads snapshots.</summary>
    private sealed class SpanList : Collection<Activity>
    {
        private readonly Lock _gate = new();

        public List<Activity> Snapshot()
        {
            lock (_gate)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
