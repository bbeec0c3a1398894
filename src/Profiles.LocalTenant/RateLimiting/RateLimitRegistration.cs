namespace Profiles.LocalTenant.RateLimiting;

public static class RateLimitRegistration
{
    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services) => services;

    public static IApplicationBuilder UseTenantRateLimits(this IApplicationBuilder app) => app;
}
