namespace Profiles.LocalTenant.Faults;

public static class FaultRegistration
{
    public static IServiceCollection AddTenantFaults(this IServiceCollection services) => services;

    public static IApplicationBuilder UseTenantFaults(this IApplicationBuilder app) => app;

    public static void MapControlEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
