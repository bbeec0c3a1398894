namespace Profiles.LocalTenant.RateLimiting;

/// <summary>Rate-limit plan profiles matching Auth0's published limits.</summary>
public static class PlanProfiles
{
    public static bool IsKnown(string? plan) => plan is "free" or "essentials" or "enterprise" or "off";
}
