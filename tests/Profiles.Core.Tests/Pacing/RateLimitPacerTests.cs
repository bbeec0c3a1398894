using System.Net;
using Profiles.Core.Management;
using Profiles.Core.Pacing;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Pacing;

public sealed class RateLimitPacerTests
{
    [Theory]
    [InlineData("free", 2, 2.0, 12)]
    [InlineData("enterprise", 50, 16.0, 80)]
    public async Task A_burst_queues_and_never_exceeds_the_bucket(string plan, int burst, double rate, int saves)
    {
        var harness = new PacerHarness(plan);
        var start = harness.Time.GetUtcNow();
        var tasks = Enumerable.Range(0, saves).Select(i => harness.SaveAsync("user" + i)).ToList();

        for (var i = 0; i < 100 && !tasks.All(t => t.IsCompleted); i++)
        {
            await harness.StepAsync(TimeSpan.FromMilliseconds(100));
        }

        var admitted = (await Task.WhenAll(tasks)).Select(at => (at - start).TotalSeconds).Order().ToList();
        Assert.Equal(burst, admitted.Count(t => t == 0));
        for (var k = 0; k < admitted.Count; k++)
        {
            // The k-th request (0-based) no earlier than (k + 1 − B) / r: the physical limit of the bucket.
            Assert.True(admitted[k] >= ((k + 1 - burst) / rate) - 1e-6, $"request {k} admitted at {admitted[k]} s");
        }
    }

    [Fact]
    public async Task Per_minute_buckets_release_tokens_at_whole_seconds()
    {
        var harness = new PacerHarness("essentials");
        var start = harness.Time.GetUtcNow();
        var tasks = Enumerable.Range(0, 27).Select(i => harness.SaveAsync("user" + i)).ToList();

        for (var i = 0; i < 40 && !tasks.All(t => t.IsCompleted); i++)
        {
            await harness.StepAsync(TimeSpan.FromMilliseconds(250));
        }

        var admitted = (await Task.WhenAll(tasks)).Select(at => (at - start).TotalSeconds).ToList();
        Assert.Equal(20, admitted.Count(t => t == 0));
        Assert.Equal(0, admitted.Count(t => t is > 0 and < 1));
        // By whole second k at most 20 + ⌊3.33·k⌋ (20, 23, 26 at 0, 1, 2 s): nothing between refills, nothing early.
        Assert.True(admitted.Count(t => t < 2) <= 23);
        Assert.True(admitted.Count(t => t < 3) <= 26);
        Assert.Equal(0, admitted.Count(t => t is > 1 and < 2));
    }

    [Fact]
    public async Task A_call_that_cannot_get_a_token_before_its_deadline_fails_at_once_saying_when_to_retry()
    {
        var harness = new PacerHarness("free");
        var now = harness.Time.GetUtcNow();
        await harness.SaveAsync("a");
        await harness.SaveAsync("b");

        var queued = harness.SaveAsync("c", now.AddSeconds(5));
        var refused = await Assert.ThrowsAsync<ManagementApiException>(() => harness.SaveAsync("d", now.AddMilliseconds(700)));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.IsRateLimited);
        Assert.Equal(PacingRejection.Message, refused.ApiMessage);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RateLimit?.RetryAfter);
        Assert.False(queued.IsCompleted);
        await harness.StepAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal(now.AddMilliseconds(500), await queued);
    }

    [Fact]
    public async Task The_admission_deadline_option_bounds_the_wait_even_with_a_long_budget()
    {
        var harness = new PacerHarness("free", configure: pacing => pacing.AdmissionDeadline = TimeSpan.FromSeconds(1));
        var now = harness.Time.GetUtcNow();
        await harness.SaveAsync("a");
        await harness.SaveAsync("b");
        var first = harness.SaveAsync("c", now.AddMinutes(1));
        var second = harness.SaveAsync("d", now.AddMinutes(1));

        var refused = await Assert.ThrowsAsync<ManagementApiException>(() => harness.SaveAsync("e", now.AddMinutes(1)));

        Assert.Equal(TimeSpan.FromSeconds(2), refused.RateLimit?.RetryAfter);
        Assert.False(first.IsCompleted || second.IsCompleted);
    }

    [Fact]
    public async Task The_queue_limit_refuses_beyond_it()
    {
        var harness = new PacerHarness("free", configure: pacing => pacing.QueueLimit = 1);
        await harness.SaveAsync("a");
        await harness.SaveAsync("b");
        _ = harness.SaveAsync("c");

        await Assert.ThrowsAsync<ManagementApiException>(() => harness.SaveAsync("d"));
    }

    [Fact]
    public async Task Users_take_turns_so_one_busy_user_cannot_starve_another()
    {
        var harness = new PacerHarness("free");
        await harness.SaveAsync("busy");
        await harness.SaveAsync("busy");
        // Queuing is synchronous: the busy user's four saves are ahead of the other user's when it arrives.
        var busy = Enumerable.Range(0, 4).Select(_ => harness.SaveAsync("busy")).ToList();
        var other = harness.SaveAsync("other");

        for (var i = 0; i < 20 && !other.IsCompleted; i++)
        {
            await harness.StepAsync(TimeSpan.FromMilliseconds(500));
        }

        await other.WaitAsync(TimeSpan.FromSeconds(30));
        var completedBusy = busy.Count(t => t.IsCompleted);
        Assert.True(completedBusy <= 1, $"{completedBusy} of the busy user's queued saves went before the other user's first");
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_its_turn_goes_to_the_next()
    {
        var harness = new PacerHarness("free");
        await harness.SaveAsync("a");
        await harness.SaveAsync("b");
        using var cancel = new CancellationTokenSource();
        var cancelled = harness.SaveAsync("c", cancellationToken: cancel.Token);
        var next = harness.SaveAsync("d");
        var start = harness.Time.GetUtcNow();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await harness.StepAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal(start.AddMilliseconds(500), await next.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_429_pauses_the_group_until_the_reset()
    {
        var harness = new PacerHarness("enterprise");
        var group = await harness.Pacer.AcquireAsync(HttpMethod.Get, "/api/v2/users/a", null, CancellationToken.None);
        var reset = harness.Time.GetUtcNow().AddSeconds(3);
        using var tooMany = StubHandler.TooManyRequests(r => r.Headers.Add("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        await harness.Pacer.ObserveAsync(group!, tooMany, TimeSpan.Zero, CancellationToken.None);
        var waiting = harness.SaveAsync("b");

        await harness.StepAsync(TimeSpan.FromMilliseconds(2900));
        Assert.False(waiting.IsCompleted);
        for (var i = 0; i < 5 && !waiting.IsCompleted; i++)
        {
            await harness.StepAsync(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)) >= reset);
    }

    [Fact]
    public async Task Limit_headers_resize_the_bucket_and_remaining_caps_it()
    {
        var harness = new PacerHarness("auto");
        var group = await harness.Pacer.AcquireAsync(HttpMethod.Patch, "/api/v2/users/a", null, CancellationToken.None);
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);
        ok.Headers.Add("x-ratelimit-limit", "2");
        ok.Headers.Add("x-ratelimit-remaining", "0");

        await harness.Pacer.ObserveAsync(group!, ok, TimeSpan.Zero, CancellationToken.None);

        // Learned: 2 burst at 2/s, and the tenant has at most 1 token left (0 remaining + 1 for the refill in flight).
        await harness.SaveAsync("b");
        var queued = harness.SaveAsync("c");
        await harness.SettledAsync();
        Assert.False(queued.IsCompleted);
        var start = harness.Time.GetUtcNow();
        await harness.StepAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal(start.AddMilliseconds(500), await queued.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
