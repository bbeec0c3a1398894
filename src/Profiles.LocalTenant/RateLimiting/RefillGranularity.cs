namespace Profiles.LocalTenant.RateLimiting;

/// <summary>How often a bucket adds tokens: Auth0 refills per-second limits every millisecond and per-minute limits every second.</summary>
public enum RefillGranularity
{
    Millisecond,
    Second,
}
