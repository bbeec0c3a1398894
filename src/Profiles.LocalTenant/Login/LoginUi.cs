namespace Profiles.LocalTenant.Login;

/// <summary>The tenant's login pages (Universal Login stand-in).</summary>
public static class LoginUi
{
    public static IServiceCollection AddLoginUi(this IServiceCollection services) => services;

    public static void MapLoginUi(this IEndpointRouteBuilder app)
    {
    }
}
