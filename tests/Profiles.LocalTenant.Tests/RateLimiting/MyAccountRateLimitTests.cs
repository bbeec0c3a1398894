using System.Net;
using Profiles.LocalTenant.Tests.Infrastructure;
using Profiles.LocalTenant.Tests.MyAccount;

namespace Profiles.LocalTenant.Tests.RateLimiting;

/// <summary>The My Account API's limits: a tenant bucket per second and a bucket per user per minute; 429 in the API's error shape
/// with <c>Retry-After</c>, and <c>x-auth0-error-kind: global-rate-limit</c> when the tenant-wide bucket is empty.</summary>
public sealed class MyAccountRateLimitTests
{
    [Fact]
    public async Task On_the_free_plan_a_user_gets_two_reads_a_minute_and_the_tenant_two_a_second()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var tenant = await TenantFixture.StartAsync(o => o.Plan = "free", clock);
        using var alice = tenant.CreateMyAccountClient(TenantFixture.AliceId, "read:me:authentication_methods");
        using var bob = tenant.CreateMyAccountClient(TenantFixture.BobId, "read:me:authentication_methods");

        using var first = await alice.GetAsync(MyAccountHttp.MethodsPath);
        using var second = await alice.GetAsync(MyAccountHttp.MethodsPath);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("2", first.Headers.GetValues("x-ratelimit-limit").Single());

        // Both buckets are empty now: the tenant-wide one is reported, as a global limit.
        using var global = await bob.GetAsync(MyAccountHttp.MethodsPath);
        var body = await MyAccountHttp.ExpectErrorAsync(global, HttpStatusCode.TooManyRequests);
        Assert.Equal("global-rate-limit", global.Headers.GetValues("x-auth0-error-kind").Single());
        Assert.NotNull(global.Headers.RetryAfter);
        Assert.Equal(429, body.GetProperty("status").GetInt32());

        // A second later the tenant bucket has refilled, but Alice's own waits for its minute.
        clock.Advance(TimeSpan.FromSeconds(1));
        using var perUser = await alice.GetAsync(MyAccountHttp.MethodsPath);
        await MyAccountHttp.ExpectErrorAsync(perUser, HttpStatusCode.TooManyRequests);
        Assert.False(perUser.Headers.Contains("x-auth0-error-kind"));
        Assert.InRange(perUser.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 30);
        using var other = await bob.GetAsync(MyAccountHttp.MethodsPath);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        clock.Advance(TimeSpan.FromSeconds(30));
        using var later = await alice.GetAsync(MyAccountHttp.MethodsPath);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }
}
