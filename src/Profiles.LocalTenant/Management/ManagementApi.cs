namespace Profiles.LocalTenant.Management;

/// <summary>Auth0's Management API v2 subset under <c>/api/v2</c>.</summary>
public static class ManagementApi
{
    public static IServiceCollection AddManagementApi(this IServiceCollection services) => services;

    public static void MapManagementApi(this IEndpointRouteBuilder app)
    {
    }
}
