namespace Profiles.LocalTenant.RateLimiting;

/// <summary>
/// Rate-limit plan profiles matching Auth0's published limits (docs/local-tenant.md lists the sources).
/// Each request is checked against every bucket that applies to it: the API's global bucket first, then the endpoint's.
/// </summary>
public static class PlanProfiles
{
    public const string Free = "free";
    public const string Essentials = "essentials";
    public const string Enterprise = "enterprise";
    public const string Off = "off";

    public static bool IsKnown(string? plan) => plan is Free or Essentials or Enterprise or Off;

    /// <summary>The buckets a request hits under <paramref name="plan"/>, outermost first.</summary>
    public static IReadOnlyList<BucketRule> RulesFor(string plan, RequestKind kind) => (plan, kind.Group) switch
    {
        (Off, _) => [],
        (_, EndpointGroup.None) => [],
        (_, EndpointGroup.ChangePassword) => [AuthenticationGlobal(plan), ChangePassword],
        (_, EndpointGroup.UserInfo) => [AuthenticationGlobal(plan), UserInfo],
        (_, EndpointGroup.AuthenticationOther) => [AuthenticationGlobal(plan)],
        (_, EndpointGroup.MyAccountRead or EndpointGroup.MyAccountWrite or EndpointGroup.MyAccountReadFiltered) => MyAccount(plan, kind.Group),
        (Free, _) => [new BucketRule("management", 2, 2, TimeSpan.FromSeconds(1), RefillGranularity.Millisecond, BucketKey.Tenant)],
        (Enterprise, _) => [new BucketRule("management", 50, 16, TimeSpan.FromSeconds(1), RefillGranularity.Millisecond, BucketKey.Tenant)],
        (Essentials, EndpointGroup.ReadUsers) => [new BucketRule("read-users", 40, 500, TimeSpan.FromMinutes(1), RefillGranularity.Second, BucketKey.Tenant)],
        (Essentials, EndpointGroup.WriteUsers) => [new BucketRule("write-users", 20, 200, TimeSpan.FromMinutes(1), RefillGranularity.Second, BucketKey.Tenant)],
        (Essentials, _) => [new BucketRule("management-other", 10, 150, TimeSpan.FromMinutes(1), RefillGranularity.Second, BucketKey.Tenant)],
        _ => [],
    };

    // 10 burst, then 1 per minute, keyed "from an IP address to a unique email address" on every plan.
    private static readonly BucketRule ChangePassword =
        new("change-password", 10, 1, TimeSpan.FromMinutes(1), RefillGranularity.Second, BucketKey.IpAndEmail);

    // 10 burst, 5 per minute, per user on every plan.
    private static readonly BucketRule UserInfo =
        new("userinfo", 10, 5, TimeSpan.FromMinutes(1), RefillGranularity.Second, BucketKey.Caller);

    private static BucketRule AuthenticationGlobal(string plan) => plan switch
    {
        Free => new BucketRule("authentication", 300, 300, TimeSpan.FromMinutes(1), RefillGranularity.Second, BucketKey.Tenant),
        Essentials => new BucketRule("authentication", 25, 25, TimeSpan.FromSeconds(1), RefillGranularity.Millisecond, BucketKey.Tenant),
        _ => new BucketRule("authentication", 100, 100, TimeSpan.FromSeconds(1), RefillGranularity.Millisecond, BucketKey.Tenant),
    };

    /// <summary>The name prefix of the My Account API's tenant-wide buckets (their 429s are "global").</summary>
    public const string MyAccountTenantBucket = "my-account-tenant-";

    // The My Account API: a tenant bucket per second and a per-user bucket per minute, for reads, writes and filtered reads
    // (Auth0's rate-limit configuration pages, "My Account API"; docs/local-tenant.md).
    private static BucketRule[] MyAccount(string plan, EndpointGroup group)
    {
        var (name, tenant, user) = (plan, group) switch
        {
            (Free, EndpointGroup.MyAccountReadFiltered) => ("read-filtered", 5, 5),
            (Free, _) => (group == EndpointGroup.MyAccountRead ? "read" : "write", 2, 2),
            (Essentials, EndpointGroup.MyAccountReadFiltered) => ("read-filtered", 20, 10),
            (Essentials, _) => (group == EndpointGroup.MyAccountRead ? "read" : "write", 5, 5),
            (_, EndpointGroup.MyAccountReadFiltered) => ("read-filtered", 100, 20),
            _ => (group == EndpointGroup.MyAccountRead ? "read" : "write", 25, 5),
        };
        return
        [
            new BucketRule(MyAccountTenantBucket + name, tenant, tenant, TimeSpan.FromSeconds(1), RefillGranularity.Millisecond, BucketKey.Tenant),
            new BucketRule("my-account-user-" + name, user, user, TimeSpan.FromMinutes(1), RefillGranularity.Second, BucketKey.User),
        ];
    }
}
