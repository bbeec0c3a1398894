using Profiles.Core.Pacing;

namespace Profiles.Core.Tests.Pacing;

public sealed class PacingPlansTests
{
    [Theory]
    [InlineData("essentials", "PATCH", "/api/v2/users/auth0%7C1", "write-users", 20)]
    [InlineData("essentials", "DELETE", "/api/v2/users/auth0%7C1", "write-users", 20)]
    [InlineData("essentials", "POST", "/api/v2/users", "write-users", 20)]
    [InlineData("essentials", "GET", "/api/v2/users?q=x", "read-users", 40)]
    [InlineData("essentials", "GET", "/api/v2/users/auth0%7C1", "management-other", 10)]
    [InlineData("essentials", "POST", "/api/v2/jobs/verification-email", "management-other", 10)]
    [InlineData("essentials", "POST", "users/auth0%7C1/identities", "management-other", 10)]
    [InlineData("free", "PATCH", "/api/v2/users/auth0%7C1", "management", 2)]
    [InlineData("enterprise", "GET", "/api/v2/users/auth0%7C1", "management", 50)]
    [InlineData("auto", "PATCH", "/api/v2/users/auth0%7C1", "management", 50)]
    public void Requests_map_to_the_tenants_bucket_groups(string plan, string method, string path, string group, int burst)
    {
        var classified = PacingPlans.Classify(plan, new HttpMethod(method), path);

        Assert.NotNull(classified);
        Assert.Equal(group, classified.Value.Group);
        Assert.Equal(burst, classified.Value.Profile.Burst);
    }

    [Fact]
    public void Off_paces_nothing() => Assert.Null(PacingPlans.Classify("off", HttpMethod.Get, "/api/v2/users/x"));

    [Fact]
    public void Paths_outside_the_management_api_are_not_paced() =>
        Assert.Null(PacingPlans.Classify("free", HttpMethod.Get, "/.well-known/jwks.json"));

    [Theory]
    [InlineData(2, 2.0, false)]
    [InlineData(10, 2.0, false)]
    [InlineData(20, 200 / 60.0, true)]
    [InlineData(40, 500 / 60.0, true)]
    [InlineData(50, 16.0, false)]
    [InlineData(7, 16.0, false)]
    public void A_learned_limit_selects_the_published_profile(long limit, double rate, bool everySecond)
    {
        var profile = PacingPlans.ForLimit(limit, new BucketProfile(50, 16, false));

        Assert.Equal(limit, profile.Burst);
        Assert.Equal(rate, profile.RatePerSecond, 6);
        Assert.Equal(everySecond, profile.RefillsEverySecond);
    }

    [Theory]
    [InlineData("/api/v2/users/auth0%7C1", "auth0%7C1")]
    [InlineData("users/auth0%7C1/identities/github/2", "auth0%7C1")]
    [InlineData("/api/v2/jobs/verification-email", "")]
    public void Fairness_key_is_the_user_acted_on(string path, string key) => Assert.Equal(key, PacingPlans.UserKey(path));
}
