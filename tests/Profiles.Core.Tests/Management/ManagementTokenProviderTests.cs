using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Profiles.Core.Settings;
using Profiles.Core.Management;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Management;

public sealed class ManagementTokenProviderTests
{
    private static HttpResponseMessage Token(string value, int expiresIn = 86400) =>
        StubHandler.Json(HttpStatusCode.OK, "{\"access_token\":\"" + value + "\",\"expires_in\":" + expiresIn + ",\"scope\":\"read:users update:users\",\"token_type\":\"Bearer\"}");

    private static ManagementTokenProvider Create(StubHandler stub, FakeTimeProvider time) => new(
        new StubHttpClientFactory(stub),
        Options.Create(new ManagementApiOptions { ClientId = "m2m-id", ClientSecret = "m2m-secret", Audience = "https://tenant.example/api/v2/" }),
        Options.Create(new Auth0Options { Domain = "tenant.example", ClientId = "web", ClientSecret = "web-secret" }),
        time,
        NullLogger<ManagementTokenProvider>.Instance);

    [Fact]
    public async Task Requests_a_client_credentials_token_with_the_management_audience()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(Token("t-" + request.Index)));
        var provider = Create(stub, new FakeTimeProvider(FakeClock.Start));

        Assert.Equal("t-0", await provider.GetTokenAsync(CancellationToken.None));

        var request = Assert.Single(stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://tenant.example/oauth/token", request.Uri.ToString());
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=m2m-id", request.Body, StringComparison.Ordinal);
        Assert.Contains("audience=https%3A%2F%2Ftenant.example%2Fapi%2Fv2%2F", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caches_the_token_until_60_seconds_before_expiry()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(Token("t-" + request.Index, expiresIn: 3600)));
        var time = new FakeTimeProvider(FakeClock.Start);
        var provider = Create(stub, time);

        Assert.Equal("t-0", await provider.GetTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(3539));
        Assert.Equal("t-0", await provider.GetTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("t-1", await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new StubHandler(async (request, _) =>
        {
            await release.Task;
            return Token("t-" + request.Index);
        });
        var provider = Create(stub, new FakeTimeProvider(FakeClock.Start));

        // Each caller counts itself once its call is under way (waiting for the held token request), so the token endpoint
        // answers only after all 32 are inside the provider at the same time.
        var inside = 0;
        var allInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            var call = provider.GetTokenAsync(CancellationToken.None);
            if (Interlocked.Increment(ref inside) == 32)
            {
                allInside.SetResult();
            }

            return await call;
        })).ToArray();
        await allInside.Task.WaitAsync(Eventually.Deadline);
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal("t-0", token));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_failed_refresh_is_not_cached_and_surfaces_the_error()
    {
        var stub = new StubHandler(
            () => StubHandler.Json(HttpStatusCode.Unauthorized, """{"error":"access_denied","error_description":"Unauthorized"}"""),
            () => Token("t-1"));
        var provider = Create(stub, new FakeTimeProvider(FakeClock.Start));

        var error = await Assert.ThrowsAsync<ManagementApiException>(async () => await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("access_denied", error.ErrorCode);
        Assert.Equal("t-1", await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Invalidate_with_a_stale_token_keeps_the_fresh_one()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(Token("t-" + request.Index)));
        var clock = new FakeTimeProvider(FakeClock.Start);
        var provider = Create(stub, clock);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        clock.Advance(ManagementTokenProvider.MinimumForcedRefreshAge);
        provider.Invalidate(first);
        var second = await provider.GetTokenAsync(CancellationToken.None);
        provider.Invalidate(first);

        Assert.Equal(second, await provider.GetTokenAsync(CancellationToken.None));
        provider.Invalidate();
        Assert.Equal("t-2", await provider.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Invalidate_keeps_a_token_issued_less_than_the_minimum_age_ago()
    {
        var stub = new StubHandler((request, _) => Task.FromResult(Token("t-" + request.Index)));
        var clock = new FakeTimeProvider(FakeClock.Start);
        var provider = Create(stub, clock);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        clock.Advance(ManagementTokenProvider.MinimumForcedRefreshAge - TimeSpan.FromSeconds(1));
        provider.Invalidate(first);

        Assert.Equal(first, await provider.GetTokenAsync(CancellationToken.None));
        Assert.Single(stub.Requests);
    }
}
