using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Management;
using Profiles.Core.Pacing;
using Profiles.Core.Resilience;
using Profiles.Core.Settings;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Pacing;

/// <summary>The pacer inside the real handler chain: resilience (budget, retry) → pacer → breaker and attempt timeout → token.</summary>
public sealed class PacedPipelineTests
{
    [Fact]
    public async Task Waiting_for_a_token_does_not_count_against_the_attempt_timeout()
    {
        var stub = new StubHandler(() => StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser));
        var (time, users) = Build(stub, options => options.AttemptTimeout = TimeSpan.FromSeconds(1));

        var saves = Enumerable.Range(0, 5).Select(i => users.GetAsync("auth0|user" + i)).ToList();
        await time.DriveAsync(Task.WhenAll(saves));

        Assert.Equal(5, stub.Requests.Count);
    }

    [Fact]
    public async Task A_call_the_pacer_refuses_never_reaches_the_tenant_and_is_not_retried()
    {
        var stub = new StubHandler(() => StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser));
        // Two tokens at once, the third at 500 ms, the fourth at 1 s: past the budget, so the pacer refuses it up front. The
        // 400 ms between the third token and the budget's end is slack for a busy machine, where the driver may move the
        // clock on before the third call's continuation has run.
        var (time, users) = Build(stub, options => options.RequestBudget = TimeSpan.FromMilliseconds(900));

        var saves = Enumerable.Range(0, 4).Select(i => users.GetAsync("auth0|user" + i)).ToList();
        var all = Task.WhenAll(saves);
        await Assert.ThrowsAsync<ManagementApiException>(() => time.DriveAsync(all));

        Assert.Equal(3, saves.Count(s => s.IsCompletedSuccessfully));
        var refused = Assert.IsType<ManagementApiException>(saves.Single(s => s.IsFaulted).Exception!.InnerException);
        Assert.True(refused.IsRateLimited);
        Assert.Equal(PacingRejection.Message, refused.ApiMessage);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task A_retried_429_takes_a_new_token_and_the_pause_holds_other_calls()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(request.Index == 0
            ? StubHandler.TooManyRequests(r => r.Headers.Add("x-ratelimit-reset", "1772366402"))
            : StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser)));
        var (time, users) = Build(stub, null);

        var user = await time.DriveAsync(users.GetAsync("auth0|user"));

        Assert.NotNull(user);
        Assert.Equal(2, stub.Requests.Count);
        // 12:00:00 start; the reset at 12:00:02 holds the retry until then.
        Assert.True(time.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(1772366402));
    }

    private static (FakeTimeProvider Time, UsersClient Users) Build(StubHandler stub, Action<ManagementApiOptions>? configure)
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        var settings = new ManagementApiOptions();
        settings.Pacing.Plan = PacingPlans.Free;
        settings.Pacing.SafetyMargin = TimeSpan.Zero;
        settings.Pacing.AttemptReserve = TimeSpan.Zero;
        configure?.Invoke(settings);
        var options = Options.Create(settings);
        var pacer = new RateLimitPacer(new InMemoryRateLimitCoordinator(time, options), time, options, NullLogger<RateLimitPacer>.Instance);
        var pipeline = new ManagementResiliencePipeline(options, time, NullLogger<ManagementResiliencePipeline>.Instance, pacer);
        var tokens = new Mock<IManagementTokenProvider>();
        tokens.Setup(provider => provider.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync("token-1");
        var tokenHandler = new ManagementTokenHandler(tokens.Object) { InnerHandler = stub };
        var handler = new ResilienceHandler(pipeline.Build()) { InnerHandler = tokenHandler };
        var client = new HttpClient(handler) { BaseAddress = new Uri("https://tenant.example/api/v2/") };
        return (time, new UsersClient(client, time));
    }
}
