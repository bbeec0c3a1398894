using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Web.Telemetry;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Telemetry;

public sealed class PrometheusScrapeTests : TenantPortalTests
{
    protected override IDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Profiles:Telemetry:Prometheus:Enabled"] = "true",
        // A free port: test runs start many portals at once.
        ["Profiles:Telemetry:Prometheus:Port"] = "0",
    };

    [Fact]
    public async Task When_enabled_the_portal_metrics_are_served_as_text_on_the_loopback_management_port_only()
    {
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var exported = await PostAsync("/data?handler=Export", await GetPageAsync("/data"), []);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var scrapeUri = Portal.Services.GetRequiredService<PrometheusScrapeServer>().ScrapeUri!;

        using var http = new HttpClient();
        var scrape = await http.GetAsync(scrapeUri);

        Assert.Equal("127.0.0.1", scrapeUri.Host);
        Assert.Equal("/metrics", scrapeUri.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType!.MediaType);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Matches(@"(?m)^profiles_journey_outcomes_total\{[^}]*journey=""data""[^}]*outcome=""exported""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_bucket\{", text);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(scrapeUri, "/profile"))).StatusCode);
    }
}
