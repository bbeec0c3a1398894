namespace Profiles.LocalTenant.RateLimiting;

/// <summary>What a bucket is keyed by, besides the tenant.</summary>
public enum BucketKey
{
    Tenant,
    IpAndEmail,
    Caller,
}
