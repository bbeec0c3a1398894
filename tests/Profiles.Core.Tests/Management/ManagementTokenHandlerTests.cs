using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Profiles.Core.Settings;
using Profiles.Core.Management;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Management;

public sealed class ManagementTokenHandlerTests
{
    private static readonly Func<HttpResponseMessage> Unauthorized = () => StubHandler.Json(HttpStatusCode.Unauthorized,
        """{"statusCode":401,"error":"Unauthorized","message":"Invalid token.","errorCode":"invalid_token"}""");

    private static (ManagementTokenProvider Provider, StubHandler TokenEndpoint) TokenSource() => TokenSource(new FakeTimeProvider(FakeClock.Start));

    private static (ManagementTokenProvider Provider, StubHandler TokenEndpoint) TokenSource(FakeTimeProvider clock)
    {
        var endpoint = new StubHandler((request, _) => Task.FromResult(StubHandler.Json(HttpStatusCode.OK,
            "{\"access_token\":\"t-" + request.Index + "\",\"expires_in\":86400,\"token_type\":\"Bearer\"}")));
        var provider = new ManagementTokenProvider(new StubHttpClientFactory(endpoint),
            Options.Create(new ManagementApiOptions { ClientId = "m", ClientSecret = "s", Audience = "https://tenant.example/api/v2/" }),
            Options.Create(new Auth0Options { Domain = "tenant.example" }),
            clock, NullLogger<ManagementTokenProvider>.Instance);
        return (provider, endpoint);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_retries()
    {
        var clock = new FakeTimeProvider(FakeClock.Start);
        var (provider, tokenEndpoint) = TokenSource(clock);
        await provider.GetTokenAsync(CancellationToken.None);
        clock.Advance(ManagementTokenProvider.MinimumForcedRefreshAge);
        var api = new StubHandler((request, _) => Task.FromResult(request.BearerToken == "t-0"
            ? Unauthorized()
            : StubHandler.Json(HttpStatusCode.OK, Fixtures.User())));
        using var harness = new ManagementHarness(api, tokens: provider);

        var user = await harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId));

        Assert.Equal("Chuck", user.Name);
        Assert.Equal(["t-0", "t-1"], api.Requests.Select(request => request.BearerToken));
        Assert.Equal(2, tokenEndpoint.Requests.Count);
    }

    [Fact]
    public async Task A_second_401_is_returned_without_further_refreshes()
    {
        var clock = new FakeTimeProvider(FakeClock.Start);
        var (provider, tokenEndpoint) = TokenSource(clock);
        await provider.GetTokenAsync(CancellationToken.None);
        clock.Advance(ManagementTokenProvider.MinimumForcedRefreshAge);
        var api = new StubHandler(Unauthorized);
        using var harness = new ManagementHarness(api, options => options.MaxRetries = 0, provider);

        var error = await Assert.ThrowsAsync<ManagementApiException>(() => harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId)));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, api.Requests.Count);
        Assert.Equal(2, tokenEndpoint.Requests.Count);
    }

    [Fact]
    public async Task A_token_refused_moments_after_it_was_issued_is_not_replaced_so_a_misconfiguration_does_not_drain_the_token_quota()
    {
        var (provider, tokenEndpoint) = TokenSource();
        var api = new StubHandler(Unauthorized);
        using var harness = new ManagementHarness(api, options => options.MaxRetries = 0, provider);

        for (var call = 0; call < 3; call++)
        {
            var error = await Assert.ThrowsAsync<ManagementApiException>(() => harness.Time.DriveAsync(harness.Users.GetAsync(Fixtures.DatabaseUserId)));
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        }

        Assert.Equal(3, api.Requests.Count);
        Assert.Single(tokenEndpoint.Requests);
    }

    [Fact]
    public async Task Concurrent_requests_share_the_cached_token()
    {
        var (provider, tokenEndpoint) = TokenSource();
        var api = new StubHandler(() => StubHandler.Json(HttpStatusCode.OK, Fixtures.User()));
        using var harness = new ManagementHarness(api, tokens: provider);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => harness.Users.GetAsync(Fixtures.DatabaseUserId))));

        Assert.Single(tokenEndpoint.Requests);
        Assert.Equal(20, api.Requests.Count);
        Assert.All(api.Requests, request => Assert.Equal("t-0", request.BearerToken));
    }
}
