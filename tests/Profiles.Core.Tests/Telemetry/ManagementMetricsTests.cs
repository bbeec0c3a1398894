using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Profiles.Core.Management;
using Profiles.Core.Telemetry;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Telemetry;

/// <summary>The portal's Management instruments, read from the meter of a container built by <c>AddProfilesCore</c>.</summary>
public sealed class ManagementMetricsTests
{
    private static MetricCollector<T> Collect<T>(IServiceProvider provider, string instrument)
        where T : struct => new(provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), PortalTelemetry.MeterName, instrument);

    [Fact]
    public async Task A_retried_429_counts_two_calls_one_429_one_retry_and_two_pacer_waits_without_ids_in_tags()
    {
        var time = new FakeTimeProvider();
        var tenant = CoreServices.Tenant((request, _) => Task.FromResult(request.Index == 1
            ? StubHandler.TooManyRequests(response => response.Headers.TryAddWithoutValidation("Retry-After", "1"))
            : StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser)));
        await using var provider = CoreServices.Build(time, tenant);
        using var calls = Collect<long>(provider, ManagementMetrics.CallsName);
        using var rateLimited = Collect<long>(provider, ManagementMetrics.RateLimitedName);
        using var retries = Collect<long>(provider, ManagementMetrics.RetriesName);
        using var waits = Collect<double>(provider, ManagementMetrics.PacerWaitTimeName);

        await time.DriveAsync(provider.GetRequiredService<IUsersClient>().GetAsync(Fixtures.DatabaseUserId));

        var token = Assert.Single(calls.GetMeasurementSnapshot(), m => Equals(m.Tags["endpoint_group"], ManagementEndpointGroups.Token));
        Assert.Equal(("POST", 200), ((string)token.Tags["method"]!, (int)token.Tags["status_code"]!));
        var sent = calls.GetMeasurementSnapshot().Where(m => m != token).ToList();
        Assert.Equal([429, 200], sent.Select(m => (int)m.Tags["status_code"]!));
        Assert.All(sent, m => Assert.Equal(ManagementEndpointGroups.Users, m.Tags["endpoint_group"]));
        Assert.All(sent, m => Assert.Equal("GET", m.Tags["method"]));
        var limited = Assert.Single(rateLimited.GetMeasurementSnapshot());
        Assert.Equal(ManagementEndpointGroups.Users, limited.Tags["endpoint_group"]);
        var retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal(RetryReasons.RateLimited, retry.Tags["reason"]);
        Assert.Equal(2, waits.GetMeasurementSnapshot().Count);
        Assert.All(waits.GetMeasurementSnapshot(), m => Assert.Equal("management", m.Tags["group"]));

        var tagValues = sent.Concat([limited, retry])
            .SelectMany(m => m.Tags.Values).Select(value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Assert.DoesNotContain(tagValues, value => value.Contains("auth0", StringComparison.Ordinal) || value.Contains('/', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_queue_length_gauge_shows_calls_waiting_for_the_pacer()
    {
        var time = new FakeTimeProvider();
        var tenant = CoreServices.Tenant((_, _) => Task.FromResult(StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser)));
        await using var provider = CoreServices.Build(time, tenant, new() { ["Auth0:Management:Pacing:Plan"] = "free" });
        using var queue = Collect<int>(provider, ManagementMetrics.PacerQueueLengthName);
        var users = provider.GetRequiredService<IUsersClient>();

        // Free: a bucket of 2, so of 4 reads at once 2 go out and 2 wait for the next refill (the fake clock stands still).
        var reads = Task.WhenAll(Enumerable.Range(0, 4).Select(i => users.GetAsync("auth0|user" + i)));
        var waiting = 0;
        for (var deadline = DateTime.UtcNow.AddSeconds(10); waiting != 2 && DateTime.UtcNow < deadline;)
        {
            await Task.Yield();
            queue.RecordObservableInstruments();
            waiting = queue.LastMeasurement is { } last ? last.Value : 0;
        }

        Assert.Equal(2, waiting);
        Assert.Equal("management", queue.LastMeasurement!.Tags["group"]);

        await time.DriveAsync(reads);
        queue.RecordObservableInstruments();
        Assert.Equal(0, queue.LastMeasurement!.Value);
    }

    [Fact]
    public async Task The_breaker_gauge_shows_open_while_calls_fail_fast_and_closed_after_a_good_probe()
    {
        var time = new FakeTimeProvider();
        var down = true;
        var tenant = CoreServices.Tenant((_, _) => Task.FromResult(Volatile.Read(ref down)
            ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"statusCode":503,"error":"Service Unavailable","message":"down"}""")
            : StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser)));
        await using var provider = CoreServices.Build(time, tenant, new()
        {
            ["Auth0:Management:MaxRetries"] = "0",
            ["Auth0:Management:BreakerMinimumThroughput"] = "2",
        });
        using var breaker = Collect<int>(provider, ManagementMetrics.BreakerStateName);
        var users = provider.GetRequiredService<IUsersClient>();
        // The gauge exists once the metrics do: the pipeline makes them at the first call (a client builds nothing before it calls).
        provider.GetRequiredService<ManagementMetrics>();

        breaker.RecordObservableInstruments();
        Assert.Equal(BreakerStates.Closed, breaker.LastMeasurement!.Value);
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ManagementApiException>(() => time.DriveAsync(users.GetAsync(Fixtures.DatabaseUserId)));
        }

        breaker.RecordObservableInstruments();
        Assert.Equal(BreakerStates.Open, breaker.LastMeasurement!.Value);
        var refused = await Assert.ThrowsAsync<ManagementApiException>(() => time.DriveAsync(users.GetAsync(Fixtures.DatabaseUserId)));
        Assert.Equal(ManagementApiException.CircuitOpenErrorCode, refused.ErrorCode);

        Volatile.Write(ref down, false);
        time.Advance(TimeSpan.FromSeconds(16));
        await time.DriveAsync(users.GetAsync(Fixtures.DatabaseUserId));

        breaker.RecordObservableInstruments();
        Assert.Equal(BreakerStates.Closed, breaker.LastMeasurement!.Value);
    }

    [Theory]
    [InlineData("users/auth0%7C1", ManagementEndpointGroups.Users)]
    [InlineData("/api/v2/users/auth0%7C1/identities/github/2", ManagementEndpointGroups.Users)]
    [InlineData("/api/v2/users-by-email?email=a%40b.example", ManagementEndpointGroups.UsersByEmail)]
    [InlineData("/api/v2/jobs/verification-email", ManagementEndpointGroups.Jobs)]
    [InlineData("tickets/password-change", ManagementEndpointGroups.Tickets)]
    [InlineData("/api/v2/sessions/s1", ManagementEndpointGroups.Sessions)]
    [InlineData("/api/v2/grants?user_id=x", ManagementEndpointGroups.Grants)]
    [InlineData("/api/v2/clients", ManagementEndpointGroups.Other)]
    [InlineData("/oauth/token", ManagementEndpointGroups.Token)]
    public void Paths_map_to_a_fixed_endpoint_group(string path, string group) => Assert.Equal(group, ManagementEndpointGroups.Of(path));
}
