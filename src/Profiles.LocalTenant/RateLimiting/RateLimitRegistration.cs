namespace Profiles.LocalTenant.RateLimiting;

/// <summary>Registers the tenant's rate limits.</summary>
public static class RateLimitRegistration
{
    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services)
        => services.AddSingleton<RateLimitRegistry>();

    public static IApplicationBuilder UseTenantRateLimits(this IApplicationBuilder app)
        => app.UseMiddleware<RateLimitMiddleware>();
}
