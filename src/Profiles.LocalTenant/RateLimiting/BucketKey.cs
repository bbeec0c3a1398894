namespace Profiles.LocalTenant.RateLimiting;

/// <summary>What a bucket is keyed by, besides the tenant.</summary>
public enum BucketKey
{
    Tenant,
    IpAndEmail,
    Caller,

    /// <summary>The user a bearer token was issued to (its <c>sub</c>): the My Account API's per-user limits.</summary>
    User,
}
