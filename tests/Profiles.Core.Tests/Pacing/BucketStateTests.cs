using Profiles.Core.Pacing;

namespace Profiles.Core.Tests.Pacing;

public sealed class BucketStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly BucketProfile Free = new(2, 2, false);
    private static readonly BucketProfile Essentials = new(20, 200 / 60.0, true);

    public static TheoryData<string, bool, int, int, double, int> RefillCases => new()
    {
        // name, per-minute plan?, taken at start, wait ms, margin ms, whole tokens expected
        { "per-second plan refills by the millisecond", false, 2, 499, 0, 0 },
        { "one token after 1/r (a whole token as soon as it is there: these refills run the margin behind)", false, 2, 500, 0, 1 },
        { "never beyond the burst", false, 2, 60_000, 0, 2 },
        { "the margin delays the refill", false, 2, 550, 100, 0 },
        { "per-minute plan: nothing within the first second", true, 20, 999, 0, 0 },
        { "per-minute plan: 3.33 tokens at each whole second", true, 20, 1000, 0, 3 },
        { "per-minute plan: a step landing on a whole number keeps that token for the next", true, 20, 3000, 0, 9 },
        { "per-minute plan: fractions carry over", true, 20, 4000, 0, 13 },
    };

    [Theory]
    [MemberData(nameof(RefillCases))]
    public void Refill_follows_the_tenants_step(string name, bool perMinute, int taken, int waitMs, double marginMs, int expected)
    {
        Assert.NotNull(name);
        var profile = perMinute ? Essentials : Free;
        var state = BucketState.Full(profile, Start);
        Assert.Equal(taken, state.Take(profile, taken, Start, TimeSpan.Zero).Granted);

        var lease = state.Take(profile, 100, Start.AddMilliseconds(waitMs), TimeSpan.FromMilliseconds(marginMs));

        Assert.Equal(expected, lease.Granted);
    }

    [Fact]
    public void Next_token_time_accounts_for_step_and_margin()
    {
        var state = BucketState.Full(Essentials, Start);
        var lease = state.Take(Essentials, 25, Start, TimeSpan.FromMilliseconds(100));

        Assert.Equal(20, lease.Granted);
        Assert.Equal(Start.AddMilliseconds(1100), lease.NextTokenAt);
    }

    [Fact]
    public void Drain_pauses_until_the_reset_and_aligns_the_next_refill_to_it()
    {
        var state = BucketState.Full(Free, Start);
        var until = Start.AddSeconds(2);

        state.Drain(Free, Start, until, TimeSpan.Zero);

        Assert.Equal(0, state.Take(Free, 1, until.AddMilliseconds(-1), TimeSpan.Zero).Granted);
        var lease = state.Take(Free, 5, until, TimeSpan.Zero);
        Assert.Equal(1, lease.Granted);
        Assert.Equal(until.AddMilliseconds(500), lease.NextTokenAt);
    }

    [Fact]
    public void An_earlier_pause_does_not_shorten_a_later_one()
    {
        var state = BucketState.Full(Free, Start);
        state.Drain(Free, Start, Start.AddSeconds(5), TimeSpan.Zero);
        state.Drain(Free, Start, Start.AddSeconds(1), TimeSpan.Zero);

        Assert.Equal(Start.AddSeconds(5), state.PausedUntil);
    }

    [Theory]
    [InlineData(20, 5, 5)]
    [InlineData(3, 5, 3)]
    [InlineData(20, -1, 0)]
    public void Cap_only_lowers_the_count(int tokens, double atMost, double expected)
    {
        var state = BucketState.Full(Essentials, Start);
        state.Take(Essentials, 20 - tokens, Start, TimeSpan.Zero);

        state.Cap(Essentials, Start, atMost, TimeSpan.Zero, Start);

        Assert.Equal(expected, state.Tokens, 3);
    }

    [Fact]
    public void Anchor_moves_the_refill_phase_to_the_first_answer_once()
    {
        var state = BucketState.Full(Essentials, Start);
        state.Take(Essentials, 20, Start, TimeSpan.Zero);

        state.Anchor(Start.AddMilliseconds(300), TimeSpan.Zero);
        state.Anchor(Start.AddMilliseconds(900), TimeSpan.Zero);

        Assert.Equal(0, state.Take(Essentials, 5, Start.AddMilliseconds(1200), TimeSpan.Zero).Granted);
        Assert.Equal(3, state.Take(Essentials, 5, Start.AddMilliseconds(1300), TimeSpan.Zero).Granted);
    }

    [Fact]
    public void A_token_taken_from_a_full_bucket_refills_only_from_the_next_answer()
    {
        // The bucket was anchored long ago and has refilled to full: the tenant's is full too and restarts its refill only when
        // the next request arrives, here 400 ms after we let it go (a new connection on a busy host).
        var (state, idle) = EmptiedAfterAMinuteIdle();
        Assert.False(state.Anchored);

        state.Cap(Free, idle.AddMilliseconds(400), 1, TimeSpan.Zero, idle);

        Assert.True(state.Anchored);
        Assert.Equal(0, state.Take(Free, 1, idle.AddMilliseconds(899), TimeSpan.Zero).Granted);
        Assert.Equal(1, state.Take(Free, 1, idle.AddMilliseconds(900), TimeSpan.Zero).Granted);
    }

    [Fact]
    public void Only_the_answer_to_a_request_sent_since_the_bucket_was_full_anchors()
    {
        // A request sent before the bucket was full may have reached the tenant before it was: its answer says nothing about
        // when the tenant's refill started again.
        var (state, idle) = EmptiedAfterAMinuteIdle();

        state.Cap(Free, idle.AddMilliseconds(400), 1, TimeSpan.Zero, idle.AddMilliseconds(-300));

        Assert.False(state.Anchored);
        Assert.Equal(1, state.Take(Free, 1, idle.AddMilliseconds(500), TimeSpan.Zero).Granted);
    }

    [Fact]
    public void A_bucket_within_the_margin_of_full_counts_as_full()
    {
        // Our refills run 100 ms behind the tenant's: at 1.8 tokens here the tenant's bucket may already be full.
        var state = BucketState.Full(Free, Start);
        state.Take(Free, 2, Start, TimeSpan.Zero);
        state.Cap(Free, Start, 2, TimeSpan.Zero, Start);
        var margin = TimeSpan.FromMilliseconds(100);

        Assert.Equal(1, state.Take(Free, 1, Start.AddMilliseconds(1000), margin).Granted);

        Assert.False(state.Anchored);
        Assert.Equal(Start.AddMilliseconds(1000), state.ArmedAt);
    }

    [Fact]
    public void A_token_taken_from_a_partly_refilled_bucket_keeps_the_phase()
    {
        var state = BucketState.Full(Free, Start);
        state.Take(Free, 2, Start, TimeSpan.Zero);
        state.Cap(Free, Start.AddMilliseconds(10), 2, TimeSpan.Zero, Start);
        Assert.Equal(1, state.Take(Free, 1, Start.AddMilliseconds(510), TimeSpan.Zero).Granted);

        state.Cap(Free, Start.AddMilliseconds(800), 2, TimeSpan.Zero, Start.AddMilliseconds(510));

        Assert.True(state.Anchored);
        Assert.Equal(1, state.Take(Free, 1, Start.AddMilliseconds(1010), TimeSpan.Zero).Granted);
    }

    [Fact]
    public void A_429_anchors_the_phase_to_the_reset()
    {
        var state = BucketState.Full(Free, Start);
        state.Take(Free, 2, Start, TimeSpan.Zero);

        state.Drain(Free, Start.AddMilliseconds(100), Start.AddSeconds(1), TimeSpan.Zero);

        Assert.True(state.Anchored);
    }

    [Fact]
    public void A_per_second_step_that_lands_on_a_whole_token_keeps_it_for_the_next_step()
    {
        // The scale-out burst on the essentials plan: 0.6666666666666661 left, one step of 200 a minute (3.3333333333333335)
        // makes 3.9999999999999996 here and at the tenant, which then refuses the fourth request.
        var state = BucketState.Full(Essentials, Start);
        state.Take(Essentials, 20, Start, TimeSpan.Zero);
        state.Tokens = 0.6666666666666661;

        var lease = state.Take(Essentials, 4, Start.AddSeconds(1), TimeSpan.Zero);

        Assert.Equal(3, lease.Granted);
        Assert.Equal(Start.AddSeconds(2), lease.NextTokenAt);
        Assert.Equal(4, state.Take(Essentials, 5, Start.AddSeconds(2), TimeSpan.Zero).Granted);
    }

    /// <summary>A free-plan bucket anchored at <see cref="Start"/>, full again a minute later, and emptied then in one take.</summary>
    private static (BucketState State, DateTimeOffset EmptiedAt) EmptiedAfterAMinuteIdle()
    {
        var state = BucketState.Full(Free, Start);
        state.Anchor(Start, TimeSpan.Zero);
        var idle = Start.AddMinutes(1);
        Assert.Equal(2, state.Take(Free, 2, idle, TimeSpan.Zero).Granted);
        return (state, idle);
    }
}
