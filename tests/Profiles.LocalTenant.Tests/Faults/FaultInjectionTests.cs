using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Faults;

public class FaultInjectionTests
{
    [Fact]
    public async Task A_server_error_rate_of_one_answers_every_api_request_with_503_but_not_the_login_ui()
    {
        await using var tenant = await TenantFixture.StartAsync(o => o.Faults.ServerErrorRate = 1);
        using var client = tenant.CreateManagementClient();

        using var api = await client.GetAsync($"api/v2/users/{Uri.EscapeDataString(TenantFixture.AliceId)}");
        using var outbox = await client.GetAsync("outbox.json");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Contains("Injected fault", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, outbox.StatusCode);
    }

    [Fact]
    public async Task A_drop_rate_of_one_drops_the_connection()
    {
        await using var tenant = await TenantFixture.StartAsync(o => o.Faults.DropRate = 1);
        using var client = tenant.CreateManagementClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"api/v2/users/{Uri.EscapeDataString(TenantFixture.AliceId)}"));
    }

    [Fact]
    public async Task Faults_can_be_changed_through_the_control_endpoint_and_bad_settings_are_refused()
    {
        await using var tenant = await TenantFixture.StartAsync();
        using var control = tenant.CreateClient();

        using var set = await control.PutAsJsonAsync("local/faults", new { serverErrorRate = 1.0 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using var api = await tenant.CreateManagementClient().GetAsync("api/v2/users-by-email?email=a%40example.com");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);

        using var bad = await control.PutAsJsonAsync("local/faults", new { dropRate = 2.0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var clear = await control.PutAsJsonAsync("local/faults", new { serverErrorRate = 0.0 });
        using var healthy = await tenant.CreateManagementClient().GetAsync("api/v2/users-by-email?email=a%40example.com");
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, healthy.StatusCode);
    }

    [Fact]
    public void Latency_is_the_fixed_part_plus_a_jitter_within_its_bound()
    {
        var injector = new FaultInjector(Options.Create(new LocalTenantOptions { Faults = { LatencyMs = 40, JitterMs = 10 } }));
        var delays = Enumerable.Range(0, 200).Select(_ => injector.Draw().Delay.TotalMilliseconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 40, 50));
        Assert.True(delays.Distinct().Count() > 1, "jitter should vary the delay");
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal(FaultOutcome.None, injector.Draw().Outcome));
    }

    [Fact]
    public async Task The_request_log_counts_api_requests_including_refused_ones()
    {
        // The clock stands still, so the bucket cannot refill between the requests however slowly they arrive.
        await using var tenant = await TenantFixture.StartAsync(o => o.Plan = "free", new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var client = tenant.CreateManagementClient();
        for (var i = 0; i < 3; i++)
        {
            using var _ = await client.GetAsync($"api/v2/users/{Uri.EscapeDataString(TenantFixture.AliceId)}");
        }

        var log = tenant.Tenant.Services.GetRequiredService<RequestLog>();
        Assert.Equal(3, log.Count("GET", "/api/v2/users/"));
        Assert.Equal(1, log.All.Count(r => r.StatusCode == 429));
        Assert.All(log.All, r => Assert.Equal(TenantFixture.AliceId, r.Path["/api/v2/users/".Length..]));
    }
}
