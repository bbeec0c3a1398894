using System.Globalization;
using System.Net;
using Profiles.Core.Management;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Resilience;

public sealed class ResiliencePipelineTests
{
    private static Func<HttpResponseMessage> Ok => () => StubHandler.Json(HttpStatusCode.OK, Fixtures.User());

    private static Func<HttpResponseMessage> Status(HttpStatusCode status) =>
        () => StubHandler.Json(status, "{\"statusCode\":" + (int)status + ",\"error\":\"x\",\"message\":\"m\"}");

    private static Func<HttpResponseMessage> RateLimited(int? retryAfterSeconds = null, DateTimeOffset? reset = null) => () =>
        StubHandler.TooManyRequests(response =>
        {
            response.Headers.TryAddWithoutValidation("x-ratelimit-limit", "2");
            response.Headers.TryAddWithoutValidation("x-ratelimit-remaining", "0");
            if (retryAfterSeconds is { } seconds)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
            }

            if (reset is { } at)
            {
                response.Headers.TryAddWithoutValidation("x-ratelimit-reset", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            }
        });

    [Fact]
    public async Task Get_429_then_200_waits_for_retry_after_and_succeeds()
    {
        using var harness = new ManagementHarness(new StubHandler(RateLimited(retryAfterSeconds: 2), Ok));
        var start = harness.Time.GetUtcNow();

        var user = await harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId));

        Assert.Equal(Fixtures.DatabaseUserId, user.UserId);
        Assert.Equal(2, harness.Stub.Requests.Count);
        // 2 s + 150 ms pad + 0.5 × 250 ms jitter.
        AssertWaited(TimeSpan.FromMilliseconds(2275), harness.Time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Retry_after_is_preferred_over_reset()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        using var harness = new ManagementHarness(new StubHandler(RateLimited(1, time.GetUtcNow().AddSeconds(9)), Ok));
        var start = harness.Time.GetUtcNow();

        await harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId));

        AssertWaited(TimeSpan.FromMilliseconds(1275), harness.Time.GetUtcNow() - start);
    }

    [Fact]
    public async Task Reset_is_used_when_retry_after_is_missing()
    {
        // The harness clock starts on a whole second, so the reset instant is exact.
        var resetAt = new FakeTimeProvider(FakeClock.Start).GetUtcNow().AddSeconds(3);
        using var harness = new ManagementHarness(new StubHandler(RateLimited(reset: resetAt), Ok));
        var start = harness.Time.GetUtcNow();

        await harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId));

        AssertWaited(TimeSpan.FromMilliseconds(3275), harness.Time.GetUtcNow() - start);
        Assert.Equal(2, harness.Stub.Requests.Count);
    }

    [Fact]
    public async Task A_wait_past_the_request_budget_is_not_started_and_the_caller_learns_when_to_retry()
    {
        using var harness = new ManagementHarness(new StubHandler(RateLimited(retryAfterSeconds: 30), Ok), options => options.RequestBudget = TimeSpan.FromSeconds(20));
        var start = harness.Time.GetUtcNow();

        var error = await Assert.ThrowsAsync<ManagementApiException>(() => harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId)));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("too_many_requests", error.ErrorCode);
        Assert.Single(harness.Stub.Requests);
        Assert.True(harness.Time.GetUtcNow() - start < TimeSpan.FromSeconds(5), "No 30 s wait was started.");
        Assert.NotNull(error.RateLimit);
        Assert.Equal(2, error.RateLimit.Limit);
        Assert.Equal(0, error.RateLimit.Remaining);
        Assert.InRange(error.RateLimit.RetryAfter!.Value.TotalSeconds, 30, 31);
    }

    [Fact]
    public async Task Retries_stop_when_the_budget_is_spent_across_several_waits()
    {
        using var harness = new ManagementHarness(new StubHandler(RateLimited(retryAfterSeconds: 8)), options =>
        {
            options.RequestBudget = TimeSpan.FromSeconds(20);
            options.MaxRetries = 5;
        });

        var error = await Assert.ThrowsAsync<ManagementApiException>(() => harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId)));

        // Two waits of 8.275 s fit in 20 s; a third would not.
        Assert.Equal(3, harness.Stub.Requests.Count);
        Assert.True(error.IsRateLimited);
    }

    [Fact]
    public async Task Post_is_not_retried_on_503()
    {
        using var harness = new ManagementHarness(new StubHandler(Status(HttpStatusCode.ServiceUnavailable), Ok));

        var error = await Assert.ThrowsAsync<ManagementApiException>(() => harness.Time.DriveAsync(harness.Jobs.SendVerificationEmailAsync(Fixtures.DatabaseUserId)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(harness.Stub.Requests);
    }

    [Fact]
    public async Task Post_is_retried_on_429_with_the_same_body()
    {
        const string job = """{"type":"verification_email","status":"pending","created_at":"2023-04-18T19:25:53.189Z","id":"job_LUdmtO6C0M42uqSz"}""";
        using var harness = new ManagementHarness(new StubHandler(RateLimited(1), () => StubHandler.Json(HttpStatusCode.Created, job)));

        var result = await harness.Time.DriveAsync(harness.Jobs.SendVerificationEmailAsync(Fixtures.DatabaseUserId));

        Assert.Equal("job_LUdmtO6C0M42uqSz", result.Id);
        Assert.Equal(2, harness.Stub.Requests.Count);
        Assert.Equal(harness.Stub.Requests[0].Body, harness.Stub.Requests[1].Body);
        Assert.Contains("\"user_id\":\"auth0|63d17c4a9d503d76c056c160\"", harness.Stub.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_is_retried_on_503()
    {
        using var harness = new ManagementHarness(new StubHandler(Status(HttpStatusCode.ServiceUnavailable), Ok));

        var user = await harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId));

        Assert.Equal("Chuck", user.Name);
        Assert.Equal(2, harness.Stub.Requests.Count);
    }

    [Fact]
    public async Task Patch_is_retried_on_502_and_resends_its_body()
    {
        using var harness = new ManagementHarness(new StubHandler(Status(HttpStatusCode.BadGateway), Ok));

        await harness.Time.DriveAsync(harness.Users.UpdateAsync(Fixtures.DatabaseUserId, new() { Nickname = "chucky" }));

        Assert.Equal(2, harness.Stub.Requests.Count);
        Assert.All(harness.Stub.Requests, request => Assert.Equal("""{"nickname":"chucky"}""", request.Body));
    }

    [Fact]
    public async Task Patch_that_sends_an_email_or_sets_a_password_is_retried_only_on_429()
    {
        using var failing = new ManagementHarness(new StubHandler(Status(HttpStatusCode.ServiceUnavailable), Ok));
        await Assert.ThrowsAsync<ManagementApiException>(() => failing.Time.DriveAsync(
            failing.Users.UpdateAsync(Fixtures.DatabaseUserId, new() { Email = "new@example.com", VerifyEmail = true, Connection = "db" })));
        Assert.Single(failing.Stub.Requests);

        using var password = new ManagementHarness(new StubHandler(Status(HttpStatusCode.GatewayTimeout), Ok));
        await Assert.ThrowsAsync<ManagementApiException>(() => password.Time.DriveAsync(
            password.Users.UpdateAsync(Fixtures.DatabaseUserId, new() { Password = "N3w-secret!", Connection = "db" })));
        Assert.Single(password.Stub.Requests);

        using var limited = new ManagementHarness(new StubHandler(RateLimited(1), Ok));
        await limited.Time.DriveAsync(limited.Users.UpdateAsync(Fixtures.DatabaseUserId, new() { Email = "new@example.com", VerifyEmail = true }));
        Assert.Equal(2, limited.Stub.Requests.Count);
    }

    [Fact]
    public async Task Get_is_retried_after_an_attempt_timeout_and_post_is_not()
    {
        var hangFirst = new StubHandler(async (request, token) =>
        {
            if (request.Index == 0)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return Ok();
        });
        using var harness = new ManagementHarness(hangFirst, options => options.AttemptTimeout = TimeSpan.FromSeconds(2));

        var user = await harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId));
        Assert.Equal(2, hangFirst.Requests.Count);

        var hangAlways = new StubHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Ok();
        });
        using var postHarness = new ManagementHarness(hangAlways, options => options.AttemptTimeout = TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<ManagementApiException>(() => postHarness.Time.DriveAsync(postHarness.Jobs.SendVerificationEmailAsync(Fixtures.DatabaseUserId)));
        Assert.Equal(ManagementApiException.TimeoutErrorCode, error.ErrorCode);
        Assert.True(error.IsTransportFailure);
        Assert.Single(hangAlways.Requests);
    }

    [Fact]
    public async Task Network_errors_are_retried_for_get_only()
    {
        var failOnce = new StubHandler((request, _) => request.Index == 0
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused"))
            : Task.FromResult(Ok()));
        using var harness = new ManagementHarness(failOnce);
        await harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId));
        Assert.Equal(2, failOnce.Requests.Count);

        var failPost = new StubHandler((request, _) => request.Index == 0
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("connection refused"))
            : Task.FromResult(Ok()));
        using var postHarness = new ManagementHarness(failPost);
        var error = await Assert.ThrowsAsync<ManagementApiException>(() => postHarness.Time.DriveAsync(postHarness.Users.LinkAccountAsync(Fixtures.DatabaseUserId, "auth0", "auth0|63d17c6b77d74b740960460a")));
        Assert.Equal(ManagementApiException.NetworkErrorCode, error.ErrorCode);
        Assert.Single(failPost.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_an_api_error()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubHandler(async (_, token) =>
        {
            reached.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return Ok();
        });
        using var harness = new ManagementHarness(stub);
        using var cancellation = new CancellationTokenSource();

        var call = harness.Users.GetAsync(Fixtures.DatabaseUserId, cancellationToken: cancellation.Token);
        await reached.Task.WaitAsync(Eventually.Deadline);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Circuit_breaker_ignores_429s()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(request.Index < 6 ? RateLimited(retryAfterSeconds: 120)() : Ok()));
        using var harness = new ManagementHarness(stub, BreakQuickly);

        for (var i = 0; i < 6; i++)
        {
            var error = await Assert.ThrowsAsync<ManagementApiException>(() => harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId)));
            Assert.True(error.IsRateLimited);
        }

        var user = await harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId));
        Assert.Equal("Chuck", user.Name);
        Assert.Equal(7, stub.Requests.Count);
    }

    [Fact]
    public async Task Circuit_breaker_opens_on_server_failures()
    {
        var stub = new StubHandler(Status(HttpStatusCode.InternalServerError));
        using var harness = new ManagementHarness(stub, BreakQuickly);

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ManagementApiException>(() => harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId)));
        }

        var error = await Assert.ThrowsAsync<ManagementApiException>(() => harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId)));
        Assert.Equal(ManagementApiException.CircuitOpenErrorCode, error.ErrorCode);
        Assert.Equal(4, stub.Requests.Count);
    }

    /// <summary>The fake clock lands exactly on the retry instant unless the machine is slow, when it may run a little past it.</summary>
    private static void AssertWaited(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected, expected + TimeSpan.FromMilliseconds(500));

    private static void BreakQuickly(Settings.ManagementApiOptions options)
    {
        options.MaxRetries = 0;
        options.BreakerMinimumThroughput = 4;
        options.BreakerFailureRatio = 0.5;
    }
}
