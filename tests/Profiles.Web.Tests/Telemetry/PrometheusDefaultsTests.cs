using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Web.Telemetry;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Telemetry;

public sealed class PrometheusDefaultsTests : FakeProviderPortalTests
{
    [Fact]
    public async Task By_default_there_is_no_scrape_endpoint_on_the_public_port_nor_a_management_listener()
    {
        var response = await Portal.CreatePortalClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(Portal.Services.GetService<PrometheusScrapeServer>());
    }

    [Fact]
    public async Task A_scrape_address_that_is_not_an_ip_address_stops_start_up()
    {
        await using var portal = new PortalFactory(Provider.BaseUrl, extraSettings: new Dictionary<string, string?>
        {
            ["Profiles:Telemetry:Prometheus:Enabled"] = "true",
            ["Profiles:Telemetry:Prometheus:Address"] = "metrics.example",
        });

        var failure = portal.StartupFailure();

        Assert.Contains("Profiles:Telemetry:Prometheus:Address", failure, StringComparison.Ordinal);
    }
}
