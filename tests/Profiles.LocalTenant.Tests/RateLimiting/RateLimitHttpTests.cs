using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.RateLimiting;

public class RateLimitHttpTests
{
    [Fact]
    public async Task Management_requests_carry_ratelimit_headers_and_get_auth0s_429_body_when_the_bucket_is_empty()
    {
        // The tenant's clock stands still, so the reset it announces is exact however slow the machine is.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tenant = await TenantFixture.StartAsync(o => o.Plan = "free", clock);
        using var client = tenant.CreateManagementClient();
        var before = clock.GetUtcNow().ToUnixTimeSeconds();

        using var first = await client.GetAsync($"api/v2/users/{Uri.EscapeDataString(TenantFixture.AliceId)}");
        using var second = await client.GetAsync($"api/v2/users/{Uri.EscapeDataString(TenantFixture.AliceId)}");
        using var third = await client.GetAsync($"api/v2/users/{Uri.EscapeDataString(TenantFixture.AliceId)}");

        Assert.Equal("2", Header(first, "x-ratelimit-limit"));
        Assert.Equal("1", Header(first, "x-ratelimit-remaining"));
        Assert.Equal("0", Header(second, "x-ratelimit-remaining"));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/json; charset=utf-8", third.Content.Headers.ContentType!.ToString());
        var reset = long.Parse(Header(third, "x-ratelimit-reset"), CultureInfo.InvariantCulture);
        Assert.InRange(reset, before, before + 3);
        Assert.False(third.Headers.Contains("Retry-After"));
        using var body = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
        Assert.Equal(429, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("Too Many Requests", body.RootElement.GetProperty("error").GetString());
        Assert.Equal("too_many_requests", body.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal("Global limit has been reached", body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Retry_after_is_sent_when_configured()
    {
        // A still tenant clock: the bucket cannot refill between the requests however slow the machine is.
        await using var tenant = await TenantFixture.StartAsync(o =>
        {
            o.Plan = "free";
            o.SendRetryAfter = true;
        }, new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var client = tenant.CreateManagementClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await client.GetAsync("api/v2/users-by-email?email=alice%40example.com");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.InRange(last.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 1);
        last.Dispose();
    }

    [Fact]
    public async Task Authentication_api_429_uses_the_oauth_error_shape()
    {
        await using var tenant = await TenantFixture.StartAsync(o => o.Plan = "enterprise");
        using var client = tenant.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last?.Dispose();
            last = await client.PostAsJsonAsync("dbconnections/change_password", new
            {
                client_id = TenantFixture.PortalClientId,
                email = "nobody@example.com",
                connection = TenantFixture.DatabaseConnection,
            });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("10", Header(last, "x-ratelimit-limit"));
        using var body = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        Assert.Equal("too_many_requests", body.RootElement.GetProperty("error").GetString());
        last.Dispose();

        using var otherEmail = await client.PostAsJsonAsync("dbconnections/change_password", new
        {
            client_id = TenantFixture.PortalClientId,
            email = "somebody-else@example.com",
            connection = TenantFixture.DatabaseConnection,
        });
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherEmail.StatusCode);
    }

    [Fact]
    public async Task The_plan_can_be_switched_at_run_time_through_the_control_endpoint()
    {
        await using var tenant = await TenantFixture.StartAsync();
        using var client = tenant.CreateManagementClient();
        using var before = await client.GetAsync("api/v2/users-by-email?email=alice%40example.com");
        Assert.False(before.Headers.Contains("x-ratelimit-limit"));

        using var control = tenant.CreateClient();
        using var put = await control.PutAsJsonAsync("local/rate-limits", new { plan = "enterprise" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var after = await client.GetAsync("api/v2/users-by-email?email=alice%40example.com");
        Assert.Equal("50", Header(after, "x-ratelimit-limit"));

        using var bad = await control.PutAsJsonAsync("local/rate-limits", new { plan = "platinum" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"Missing header {name}");
}
