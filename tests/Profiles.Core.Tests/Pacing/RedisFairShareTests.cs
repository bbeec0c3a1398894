using Profiles.Core.Pacing;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Pacing;

/// <summary>Instances sharing one bucket through Redis get its scarce tokens in the order their waiters run out (earliest
/// admission deadline first), whichever instance reaches Redis first; a token held for an instance that does not come back is
/// anyone's after a short grace.</summary>
public sealed class RedisFairShareTests(RedisPacingFixture redis) : IClassFixture<RedisPacingFixture>
{
    private static readonly BucketProfile Free = new(2, 2, false);
    // A token every 25 ms: several whole tokens while a waiter is still expected back.
    private static readonly BucketProfile Fast = new(4, 40, false);
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(50);
    private readonly FakeTimeProvider _time = new(FakeClock.Start);
    private readonly string _tenant = "tenant-" + Guid.NewGuid().ToString("N") + ".example";

    [Fact]
    public async Task A_scarce_token_goes_to_the_instance_whose_waiter_runs_out_first_not_to_the_first_caller()
    {
        var (early, late) = await EmptyBucketAsync();
        var first = await early.LeaseAsync("management", Free, [_time.GetUtcNow().AddSeconds(5)], CancellationToken.None);
        await late.LeaseAsync("management", Free, [_time.GetUtcNow().AddSeconds(20)], CancellationToken.None);
        _time.Advance(first.NextTokenAt - _time.GetUtcNow());

        // The instance with the later deadline wakes first: the token is held for the other one, which is due now.
        var lost = await late.LeaseAsync("management", Free, [_time.GetUtcNow().AddSeconds(20)], CancellationToken.None);
        var won = await early.LeaseAsync("management", Free, [_time.GetUtcNow().AddSeconds(5)], CancellationToken.None);

        Assert.Equal(0, lost.Granted);
        Assert.Equal(first.NextTokenAt + Grace, lost.NextTokenAt);
        Assert.Equal(1, won.Granted);
    }

    [Fact]
    public async Task A_token_held_for_an_instance_that_does_not_come_back_is_anyones_after_the_grace()
    {
        var (early, late) = await EmptyBucketAsync();
        var first = await early.LeaseAsync("management", Free, [_time.GetUtcNow().AddSeconds(5)], CancellationToken.None);
        _time.Advance(first.NextTokenAt - _time.GetUtcNow());
        var within = await late.LeaseAsync("management", Free, [_time.GetUtcNow().AddSeconds(20)], CancellationToken.None);
        _time.Advance(within.NextTokenAt - _time.GetUtcNow());
        var atTheGrace = await late.LeaseAsync("management", Free, [_time.GetUtcNow().AddSeconds(20)], CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var after = await late.LeaseAsync("management", Free, [_time.GetUtcNow().AddSeconds(20)], CancellationToken.None);

        Assert.Equal(0, within.Granted);
        Assert.Equal(0, atTheGrace.Granted);
        Assert.Equal(1, after.Granted);
    }

    [Fact]
    public async Task Waiters_whose_deadline_has_passed_hold_nothing()
    {
        var (early, late) = await EmptyBucketAsync();
        var first = await early.LeaseAsync("management", Free, [_time.GetUtcNow().AddMilliseconds(300)], CancellationToken.None);
        _time.Advance(first.NextTokenAt - _time.GetUtcNow());

        Assert.Equal(1, (await late.LeaseAsync("management", Free, [_time.GetUtcNow().AddSeconds(20)], CancellationToken.None)).Granted);
    }

    [Fact]
    public async Task Tokens_enough_for_every_waiter_are_not_held_back()
    {
        var (early, late) = await EmptyBucketAsync(Fast);
        await early.LeaseAsync("management", Fast, [_time.GetUtcNow().AddSeconds(5)], CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(50));

        // Two tokens, one waiter of the other instance still expected back: one is held for it, the other is the caller's.
        Assert.Equal(1, (await late.LeaseAsync("management", Fast, [_time.GetUtcNow().AddSeconds(20), _time.GetUtcNow().AddSeconds(21)], CancellationToken.None)).Granted);
        Assert.Equal(1, (await early.LeaseAsync("management", Fast, [_time.GetUtcNow().AddSeconds(5)], CancellationToken.None)).Granted);
    }

    [Fact]
    public async Task A_take_without_deadlines_gets_only_what_no_other_instance_is_expected_back_for()
    {
        var (early, late) = await EmptyBucketAsync(Fast);
        await early.LeaseAsync("management", Fast, [_time.GetUtcNow().AddSeconds(5)], CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(1, (await late.LeaseAsync("management", Fast, 2, CancellationToken.None)).Granted);
        Assert.Equal(1, (await early.LeaseAsync("management", Fast, [_time.GetUtcNow().AddSeconds(5)], CancellationToken.None)).Granted);
    }

    /// <summary>Two instances' coordinators on a bucket just emptied (the harness's options: no safety margin, no in-flight cap).</summary>
    private async Task<(RedisRateLimitCoordinator Early, RedisRateLimitCoordinator Late)> EmptyBucketAsync(BucketProfile? profile = null)
    {
        profile ??= Free;
        var options = new PacerHarness("free", _time).Options;
        var early = await redis.CoordinatorAsync(_tenant, _time, options);
        var late = await redis.CoordinatorAsync(_tenant, _time, options);
        Assert.Equal(profile.Burst, (await early.LeaseAsync("management", profile, profile.Burst, CancellationToken.None)).Granted);
        _time.Advance(TimeSpan.FromMilliseconds(profile == Free ? 100 : 10));
        return (early, late);
    }
}
