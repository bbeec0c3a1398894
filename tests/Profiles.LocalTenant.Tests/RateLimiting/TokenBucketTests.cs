using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.RateLimiting;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.RateLimiting;

public class TokenBucketTests
{
    private static readonly RequestKind Patch = RequestKind.Classify("PATCH", "/api/v2/users/auth0|1");

    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Free_plan_allows_the_burst_then_refuses_until_a_token_is_refilled_by_the_millisecond()
    {
        var time = new FakeTimeProvider(Start);
        var registry = Registry(time, PlanProfiles.Free);

        Assert.True(registry.TryAcquire(Patch, _ => "t")!.Allowed);
        var second = registry.TryAcquire(Patch, _ => "t")!;
        Assert.True(second.Allowed);
        Assert.Equal(0, second.Remaining);
        var refused = registry.TryAcquire(Patch, _ => "t")!;
        Assert.False(refused.Allowed);
        Assert.Equal(2, refused.Limit);

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(registry.TryAcquire(Patch, _ => "t")!.Allowed);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(registry.TryAcquire(Patch, _ => "t")!.Allowed);
    }

    [Fact]
    public void Essentials_write_users_refills_once_a_second_at_200_per_minute()
    {
        var time = new FakeTimeProvider(Start);
        var registry = Registry(time, PlanProfiles.Essentials);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(registry.TryAcquire(Patch, _ => "t")!.Allowed);
        }

        Assert.False(registry.TryAcquire(Patch, _ => "t")!.Allowed);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(registry.TryAcquire(Patch, _ => "t")!.Allowed);
        time.Advance(TimeSpan.FromMilliseconds(1));

        // 200/min = 3.33 tokens each second: three requests pass, the fourth waits for the next second.
        Assert.True(registry.TryAcquire(Patch, _ => "t")!.Allowed);
        Assert.True(registry.TryAcquire(Patch, _ => "t")!.Allowed);
        Assert.True(registry.TryAcquire(Patch, _ => "t")!.Allowed);
        Assert.False(registry.TryAcquire(Patch, _ => "t")!.Allowed);
    }

    [Fact]
    public void Reset_is_the_unix_second_of_the_next_token_and_retry_after_is_at_least_one_second()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250));
        var registry = Registry(time, PlanProfiles.Essentials);
        for (var i = 0; i < 20; i++)
        {
            registry.TryAcquire(Patch, _ => "t");
        }

        var refused = registry.TryAcquire(Patch, _ => "t")!;
        Assert.False(refused.Allowed);
        Assert.Equal(1_700_000_002, refused.ResetUnixSeconds);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
        Assert.Equal("write-users", refused.BucketName);
    }

    [Fact]
    public void Essentials_groups_have_separate_buckets()
    {
        var time = new FakeTimeProvider(Start);
        var registry = Registry(time, PlanProfiles.Essentials);
        for (var i = 0; i < 20; i++)
        {
            registry.TryAcquire(Patch, _ => "t");
        }

        Assert.False(registry.TryAcquire(Patch, _ => "t")!.Allowed);
        var job = registry.TryAcquire(RequestKind.Classify("POST", "/api/v2/jobs/verification-email"), _ => "t")!;
        Assert.True(job.Allowed);
        Assert.Equal(10, job.Limit);
        var list = registry.TryAcquire(RequestKind.Classify("GET", "/api/v2/users"), _ => "t")!;
        Assert.True(list.Allowed);
        Assert.Equal(40, list.Limit);
    }

    [Fact]
    public void Change_password_is_keyed_by_ip_and_email_with_ten_burst_then_one_a_minute()
    {
        var time = new FakeTimeProvider(Start);
        var registry = Registry(time, PlanProfiles.Enterprise);
        var kind = RequestKind.Classify("POST", "/dbconnections/change_password");
        for (var i = 0; i < 10; i++)
        {
            Assert.True(registry.TryAcquire(kind, k => k == BucketKey.IpAndEmail ? "ip|a@example.com" : "t")!.Allowed);
        }

        Assert.False(registry.TryAcquire(kind, k => k == BucketKey.IpAndEmail ? "ip|a@example.com" : "t")!.Allowed);
        Assert.True(registry.TryAcquire(kind, k => k == BucketKey.IpAndEmail ? "ip|b@example.com" : "t")!.Allowed);
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(registry.TryAcquire(kind, k => k == BucketKey.IpAndEmail ? "ip|a@example.com" : "t")!.Allowed);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(registry.TryAcquire(kind, k => k == BucketKey.IpAndEmail ? "ip|a@example.com" : "t")!.Allowed);
    }

    [Theory]
    [InlineData("GET", "/api/v2/users", EndpointGroup.ReadUsers)]
    [InlineData("POST", "/api/v2/users", EndpointGroup.WriteUsers)]
    [InlineData("PATCH", "/api/v2/users/auth0%7C1", EndpointGroup.WriteUsers)]
    [InlineData("DELETE", "/api/v2/users/auth0%7C1", EndpointGroup.WriteUsers)]
    [InlineData("GET", "/api/v2/users/auth0%7C1", EndpointGroup.ManagementOther)]
    [InlineData("POST", "/api/v2/users/auth0%7C1/identities", EndpointGroup.ManagementOther)]
    [InlineData("GET", "/api/v2/users-by-email", EndpointGroup.ManagementOther)]
    [InlineData("POST", "/oauth/token", EndpointGroup.AuthenticationOther)]
    [InlineData("GET", "/userinfo", EndpointGroup.UserInfo)]
    [InlineData("GET", "/authorize", EndpointGroup.None)]
    [InlineData("GET", "/outbox", EndpointGroup.None)]
    public void Requests_are_classified_into_auth0_groups(string method, string path, EndpointGroup expected)
        => Assert.Equal(expected, RequestKind.Classify(method, path).Group);

    [Fact]
    public void Off_plan_limits_nothing()
        => Assert.Null(Registry(new FakeTimeProvider(Start), PlanProfiles.Off).TryAcquire(Patch, _ => "t"));

    private static RateLimitRegistry Registry(TimeProvider time, string plan)
        => new(time, Options.Create(new LocalTenantOptions { Plan = plan }));
}
