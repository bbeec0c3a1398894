using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Pacing;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Pacing;

/// <summary>Three portal instances (three pacers, each with its own coordinator and Redis connection) sharing one tenant bucket
/// through a real redis-server, on one fake clock.</summary>
public sealed class RedisPacingTests(RedisPacingFixture redis) : IClassFixture<RedisPacingFixture>
{
    private readonly FakeTimeProvider _time = new(FakeClock.Start);
    private readonly string _tenant = "tenant-" + Guid.NewGuid().ToString("N") + ".example";

    [Fact]
    public async Task Three_instances_together_never_exceed_the_bucket()
    {
        var instances = await InstancesAsync("free", 3);
        var start = _time.GetUtcNow();
        var tasks = Enumerable.Range(0, 6).SelectMany(i => instances.Select((instance, n) => instance.SaveAsync($"u{n}-{i}"))).ToList();

        for (var i = 0; i < 120 && !tasks.All(t => t.IsCompleted); i++)
        {
            await PacerHarness.StepAsync(TimeSpan.FromMilliseconds(100), instances);
        }

        var admitted = (await Task.WhenAll(tasks)).Select(at => (at - start).TotalSeconds).Order().ToList();
        Assert.Equal(18, admitted.Count);
        // Free plan: 2 burst, 2 per second. The k-th call (0-based) can go no earlier than (k + 1 − burst) / rate.
        for (var k = 0; k < admitted.Count; k++)
        {
            Assert.True(admitted[k] >= ((k + 1 - 2) / 2.0) - 1e-6, $"request {k} admitted at {admitted[k]} s");
        }

        // And the pacers shared it rather than starving: all 18 got in within the bucket's own pace plus one step.
        Assert.True(admitted[^1] <= (18 - 2) / 2.0 + 0.2, $"last request admitted at {admitted[^1]} s");
    }

    [Fact]
    public async Task Concurrent_leases_from_three_instances_never_hand_out_more_than_the_bucket()
    {
        var options = new PacerHarness("free", _time).Options;
        var coordinators = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => redis.CoordinatorAsync(_tenant, _time, options)));
        var profile = new BucketProfile(10, 0.001, false);

        var leases = await Task.WhenAll(Enumerable.Range(0, 45).Select(i =>
            Task.Run(async () => await coordinators[i % 3].LeaseAsync("write-users", profile, 1 + (i % 2), CancellationToken.None))));

        Assert.Equal(10, leases.Sum(lease => lease.Granted));
        Assert.Equal(0, await coordinators[0].TokensAsync("write-users", profile), 6);
    }

    [Fact]
    public async Task A_token_taken_from_the_full_shared_bucket_refills_only_from_the_next_answer_of_any_instance()
    {
        var options = new PacerHarness("free", _time).Options;
        var coordinators = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => redis.CoordinatorAsync(_tenant, _time, options)));
        var profile = new BucketProfile(2, 2, false);
        await coordinators[0].AnchorAsync("management", profile, _time.GetUtcNow(), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        var sent = _time.GetUtcNow();
        Assert.Equal(2, (await coordinators[0].LeaseAsync("management", profile, 2, CancellationToken.None)).Granted);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        // The other instance's answer arrives first: that request reached the tenant no later than now.
        await coordinators[1].CapAsync("management", profile, 1, sent, CancellationToken.None);
        var (early, due) = await LeasesAroundAsync(coordinators[0], profile, TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, early.Granted);
        Assert.Equal(_time.GetUtcNow(), early.NextTokenAt);
        Assert.Equal(1, due.Granted);
    }

    [Fact]
    public async Task Tokens_handed_out_and_not_yet_answered_keep_the_shared_bucket_from_refilling_past_them()
    {
        // Two saves leave and are held up on their way (a stalled instance): the tenant's bucket, full until they arrive, does
        // not refill meanwhile, so neither does ours; an answer lets one token's worth back.
        var coordinators = await InFlightCoordinatorsAsync();
        var profile = new BucketProfile(2, 2, false);
        var sent = _time.GetUtcNow();
        Assert.Equal(2, (await coordinators[0].LeaseAsync("management", profile, 2, CancellationToken.None)).Granted);

        _time.Advance(TimeSpan.FromSeconds(1));
        var held = await coordinators[1].LeaseAsync("management", profile, 1, CancellationToken.None);
        await coordinators[0].CapAsync("management", profile, 1, sent, CancellationToken.None);
        var (early, due) = await LeasesAroundAsync(coordinators[1], profile, TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, held.Granted);
        Assert.Equal(_time.GetUtcNow(), held.NextTokenAt);
        Assert.Equal(0, early.Granted);
        Assert.Equal(1, due.Granted);
    }

    [Fact]
    public async Task Tokens_answered_within_the_last_refill_step_still_keep_the_shared_bucket_from_refilling_past_them()
    {
        // 18 saves leave at once and are answered 400 ms later. The tenant's bucket started when the first arrived and refilled
        // a step later, possibly before the other 17 arrived, when it was full and refilled nothing. Our step (after the first
        // answer) comes up to one step behind theirs: answers since then may be to requests that step still found on their way.
        var coordinators = await InFlightCoordinatorsAsync();
        var profile = new BucketProfile(20, 200 / 60.0, true);
        var sent = _time.GetUtcNow();
        Assert.Equal(18, (await coordinators[0].LeaseAsync("management", profile, 18, CancellationToken.None)).Granted);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        for (var i = 0; i < 18; i++)
        {
            await coordinators[i % 2].CapAsync("management", profile, 100, sent, CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        var atTheStep = await coordinators[1].LeaseAsync("management", profile, 10, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var aStepLater = await coordinators[1].LeaseAsync("management", profile, 10, CancellationToken.None);

        Assert.Equal(2, atTheStep.Granted);
        Assert.Equal(3, aStepLater.Granted);
    }

    [Fact]
    public async Task An_answer_that_comes_after_the_horizon_does_not_land_a_newer_token_still_in_flight()
    {
        var coordinators = await InFlightCoordinatorsAsync();
        var profile = new BucketProfile(2, 2, false);
        var sent = _time.GetUtcNow();
        Assert.Equal(1, (await coordinators[0].LeaseAsync("management", profile, 1, CancellationToken.None)).Granted);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(2, (await coordinators[1].LeaseAsync("management", profile, 2, CancellationToken.None)).Granted);

        // The first request's answer, 4 s late: its token passed the horizon already; the two new ones are still on their way.
        await coordinators[0].CapAsync("management", profile, 2, sent, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, (await coordinators[1].LeaseAsync("management", profile, 1, CancellationToken.None)).Granted);
    }

    [Fact]
    public async Task A_per_second_step_that_lands_on_a_whole_token_keeps_it_for_the_next_step()
    {
        // 3 × 3.3333333333333335 is 10 here; the tenant adding the same steps in another order can reach 9.999999999999998.
        var coordinator = await redis.CoordinatorAsync(_tenant, _time, new PacerHarness("essentials", _time).Options);
        var profile = new BucketProfile(20, 200 / 60.0, true);
        Assert.Equal(20, (await coordinator.LeaseAsync("write-users", profile, 20, CancellationToken.None)).Granted);
        _time.Advance(TimeSpan.FromSeconds(3));

        var lease = await coordinator.LeaseAsync("write-users", profile, 10, CancellationToken.None);

        Assert.Equal(9, lease.Granted);
        Assert.Equal(_time.GetUtcNow().AddSeconds(1), lease.NextTokenAt);
    }

    [Fact]
    public async Task A_token_never_answered_stops_counting_after_the_in_flight_horizon()
    {
        var coordinators = await InFlightCoordinatorsAsync();
        var profile = new BucketProfile(2, 2, false);
        Assert.Equal(2, (await coordinators[0].LeaseAsync("management", profile, 2, CancellationToken.None)).Granted);

        _time.Advance(TimeSpan.FromSeconds(3));
        var within = await coordinators[1].LeaseAsync("management", profile, 1, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(501));
        var after = await coordinators[1].LeaseAsync("management", profile, 2, CancellationToken.None);

        Assert.Equal(0, within.Granted);
        Assert.Equal(1, after.Granted);
    }

    [Fact]
    public async Task A_429_seen_by_one_instance_pauses_the_others_until_the_reset()
    {
        var instances = await InstancesAsync("enterprise", 3);
        var group = await instances[0].Pacer.AcquireAsync(HttpMethod.Patch, "/api/v2/users/a", null, CancellationToken.None);
        var reset = _time.GetUtcNow().AddSeconds(2);
        using var tooMany = StubHandler.TooManyRequests(r => r.Headers.Add("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

        await instances[0].Pacer.ObserveAsync(group!, tooMany, TimeSpan.Zero, CancellationToken.None);
        var second = instances[1].SaveAsync("b");
        var third = instances[2].SaveAsync("c");

        await PacerHarness.StepAsync(TimeSpan.FromMilliseconds(1900), instances);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);
        for (var i = 0; i < 10 && !(second.IsCompleted && third.IsCompleted); i++)
        {
            await PacerHarness.StepAsync(TimeSpan.FromMilliseconds(100), instances);
        }

        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(30)) >= reset);
        Assert.True(await third.WaitAsync(TimeSpan.FromSeconds(30)) >= reset);
    }

    [Fact]
    public async Task A_429_with_Retry_After_pauses_the_others_for_exactly_that_long()
    {
        var instances = await InstancesAsync("enterprise", 2);
        var group = await instances[0].Pacer.AcquireAsync(HttpMethod.Patch, "/api/v2/users/a", null, CancellationToken.None);
        var start = _time.GetUtcNow();
        using var tooMany = StubHandler.TooManyRequests(r => r.Headers.Add("Retry-After", "3"));

        await instances[0].Pacer.ObserveAsync(group!, tooMany, TimeSpan.Zero, CancellationToken.None);
        var waiting = instances[1].SaveAsync("b");
        for (var i = 0; i < 40 && !waiting.IsCompleted; i++)
        {
            await PacerHarness.StepAsync(TimeSpan.FromMilliseconds(100), instances);
        }

        var admitted = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.InRange((admitted - start).TotalSeconds, 3 - 1e-6, 3.1 + 1e-6);
    }

    [Fact]
    public async Task Buckets_of_different_tenants_are_separate()
    {
        var options = new PacerHarness("free", _time).Options;
        var first = await redis.CoordinatorAsync(_tenant, _time, options);
        var other = await redis.CoordinatorAsync("other-" + _tenant, _time, options);
        var profile = new BucketProfile(2, 0.001, false);

        Assert.Equal(2, (await first.LeaseAsync("management", profile, 5, CancellationToken.None)).Granted);
        Assert.Equal(2, (await other.LeaseAsync("management", profile, 5, CancellationToken.None)).Granted);
        Assert.Equal(0, (await first.LeaseAsync("management", profile, 5, CancellationToken.None)).Granted);
    }

    [Fact]
    public async Task Redis_configuration_puts_the_buckets_in_Redis()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddProfilesCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = _tenant,
            ["Auth0:ClientId"] = "portal",
            ["Auth0:ClientSecret"] = "portal-secret",
            ["Auth0:Management:Pacing:Shared"] = "true",
            ["Redis:Configuration"] = redis.ConnectionString,
        }).Build());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var coordinator = Assert.IsType<RedisRateLimitCoordinator>(provider.GetRequiredService<IRateLimitCoordinator>());
        var lease = await coordinator.LeaseAsync("management", new BucketProfile(2, 2, false), 1, CancellationToken.None);
        Assert.Equal(1, lease.Granted);
    }

    /// <summary>One lease a millisecond before <paramref name="due"/> from now, and one at it.</summary>
    private async Task<(TokenLease Early, TokenLease Due)> LeasesAroundAsync(RedisRateLimitCoordinator coordinator, BucketProfile profile, TimeSpan due)
    {
        _time.Advance(due - TimeSpan.FromMilliseconds(1));
        var early = await coordinator.LeaseAsync("management", profile, 1, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        return (early, await coordinator.LeaseAsync("management", profile, 1, CancellationToken.None));
    }

    private async Task<RedisRateLimitCoordinator[]> InFlightCoordinatorsAsync()
    {
        var options = new PacerHarness("free", _time, configure: pacing => pacing.InFlightHorizon = TimeSpan.FromSeconds(3)).Options;
        return await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => redis.CoordinatorAsync(_tenant, _time, options)));
    }

    private async Task<PacerHarness[]> InstancesAsync(string plan, int count)
    {
        var options = new PacerHarness(plan, _time).Options;
        var instances = new PacerHarness[count];
        for (var i = 0; i < count; i++)
        {
            instances[i] = new PacerHarness(plan, _time, await redis.CoordinatorAsync(_tenant, _time, options));
        }

        return instances;
    }
}
