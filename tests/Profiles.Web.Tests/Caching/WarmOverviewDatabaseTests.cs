using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Persistence;
using Profiles.Core.Security;
using Profiles.TestServices;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Caching;

/// <summary>
/// A signed-in page view with warm caches reads nothing from the portal database (the session check and the deletion banner
/// come from the cache), counted by an EF Core command interceptor; and the cache does not delay a revocation.
/// </summary>
public class WarmOverviewDatabaseTests : TenantPortalTests
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";

    protected DatabaseCommandCounter Commands { get; } = new();

    protected override void ConfigurePortalServices(IServiceCollection services) =>
        services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(Commands));

    [Fact]
    public async Task A_warm_overview_makes_no_database_query_and_a_revocation_still_ends_the_session_at_the_next_request()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);
        Commands.Reset();

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);
        Assert.Equal(0, Commands.Count);

        await Portal.Services.GetRequiredService<IPortalSessionRevocations>().RevokeAsync(AliceId, keepSessionId: null, CancellationToken.None);
        var refused = await Client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith(Tenant.BaseUrl + "/authorize", refused.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_counter_sees_the_reads_a_cold_page_view_makes()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        Commands.Reset();

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);

        Assert.True(Commands.Count > 0, "the first page view loads the session state and the deletion banner from the database");
    }
}

/// <summary>The same with Redis on: the warm page view reads Redis, never the database.</summary>
public sealed class WarmOverviewDatabaseWithRedisTests : WarmOverviewDatabaseTests
{
    private string _redis = "";

    protected override IDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Redis:Configuration"] = _redis,
        ["Redis:InstanceName"] = RedisServer.NewInstanceName(),
    };

    public override async Task InitializeAsync()
    {
        _redis = await RedisServer.ConfigurationAsync();
        await base.InitializeAsync();
    }
}
