using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Profiles.Core.Authentication;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Management;
using Profiles.Core.Telemetry;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Resilience;

/// <summary>The pipelines <c>AddProfilesCore</c> registers with <c>AddResilienceHandler</c>: where the handler sits and that its
/// strategies run on the injected clock.</summary>
public sealed class ResilienceHandlerRegistrationTests
{
    [Fact]
    public async Task The_management_handlers_run_resilience_then_token_then_metrics()
    {
        var time = new FakeTimeProvider();
        await using var provider = CoreServices.Build(time, CoreServices.Tenant((_, _) => Task.FromResult(StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser))));

        using var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ProfilesCoreServiceCollectionExtensions.ManagementHttpClientName);

        var chain = new List<Type>();
        for (var current = handler as DelegatingHandler; current is not null; current = current.InnerHandler as DelegatingHandler)
        {
            chain.Add(current.GetType());
        }

        var ours = chain.Where(type => type == typeof(ResilienceHandler) || type == typeof(ManagementTokenHandler) || type == typeof(ManagementMetricsHandler)).ToList();
        Assert.Equal([typeof(ResilienceHandler), typeof(ManagementTokenHandler), typeof(ManagementMetricsHandler)], ours);
    }

    [Fact]
    public async Task The_registered_management_pipeline_waits_for_retry_after_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var tenant = CoreServices.Tenant((request, _) => Task.FromResult(request.Index == 1
            ? StubHandler.TooManyRequests(response => response.Headers.TryAddWithoutValidation("Retry-After", "5"))
            : StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser)));
        await using var provider = CoreServices.Build(time, tenant);
        var start = time.GetUtcNow();

        var user = await time.DriveAsync(provider.GetRequiredService<IUsersClient>().GetAsync(Fixtures.DatabaseUserId));

        Assert.Equal(Fixtures.DatabaseUserId, user.UserId);
        Assert.Equal(3, tenant.Requests.Count);
        // The 5 s wait (plus pad) passed on the fake clock: Polly's delay ran on the TimeProvider from the container.
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(5.15), $"Only {time.GetUtcNow() - start} passed on the fake clock.");
    }

    [Fact]
    public async Task A_post_of_the_registered_management_client_is_not_repeated_after_a_503()
    {
        var time = new FakeTimeProvider();
        var tenant = CoreServices.Tenant((_, _) => Task.FromResult(StubHandler.Json(HttpStatusCode.ServiceUnavailable,
            """{"statusCode":503,"error":"Service Unavailable","message":"down"}""")));
        await using var provider = CoreServices.Build(time, tenant);

        var error = await Assert.ThrowsAsync<ManagementApiException>(() =>
            time.DriveAsync(provider.GetRequiredService<IJobsClient>().SendVerificationEmailAsync(Fixtures.DatabaseUserId)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(tenant.Requests, request => request.Uri.AbsolutePath.StartsWith("/api/v2/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_authentication_client_times_out_on_the_injected_clock_and_is_not_retried()
    {
        var time = new FakeTimeProvider();
        var tenant = CoreServices.Tenant(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        await using var provider = CoreServices.Build(time, tenant, new() { ["Auth0:Management:AttemptTimeout"] = "00:00:04" });
        var start = time.GetUtcNow();

        // Fine steps: on a busy machine the timeout's exception can take several polls to surface, and each poll moves the clock.
        var error = await Assert.ThrowsAsync<AuthenticationApiException>(() => time.DriveAsync(
            provider.GetRequiredService<IAuthenticationApiClient>().ChangePasswordAsync("chuck@example.com", "db", CancellationToken.None),
            TimeSpan.FromMilliseconds(10)));

        Assert.Equal(ManagementApiException.TimeoutErrorCode, error.ErrorCode);
        Assert.Single(tenant.Requests);
        Assert.InRange(time.GetUtcNow() - start, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
    }
}
