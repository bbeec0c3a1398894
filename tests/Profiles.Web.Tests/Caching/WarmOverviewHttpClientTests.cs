using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.DependencyInjection;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Caching;

/// <summary>
/// A signed-in page view served from the caches builds no <see cref="HttpClient"/>: the Management and My Account clients are
/// singletons that take one from the factory per call, so the services a page resolves cost nothing until they call Auth0.
/// </summary>
public sealed class WarmOverviewHttpClientTests : TenantPortalTests
{
    private readonly HttpClientCounter _clients = new();

    protected override void ConfigurePortalServices(IServiceCollection services) => _clients.WrapFactoryIn(services);

    [Fact]
    public async Task A_warm_overview_builds_no_http_client()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);
        _clients.Reset();

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);

        Assert.Empty(_clients.Names);
    }

    [Fact]
    public async Task The_counter_sees_the_client_a_page_that_calls_auth0_builds()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        _clients.Reset();

        // The devices page lists the user's sessions from the Management API on every view.
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/security/devices")).StatusCode);

        Assert.Contains(ProfilesCoreServiceCollectionExtensions.ManagementHttpClientName, _clients.Names);
    }
}
