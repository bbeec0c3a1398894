namespace Profiles.LocalTenant.Authentication;

/// <summary>Auth0's Authentication API: discovery, JWKS, /authorize, /oauth/token, /userinfo, logout, /dbconnections.</summary>
public static class AuthenticationApi
{
    public static IServiceCollection AddAuthenticationApi(this IServiceCollection services) => services;

    public static void MapAuthenticationApi(this IEndpointRouteBuilder app)
    {
    }
}
