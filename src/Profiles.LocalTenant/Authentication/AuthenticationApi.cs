using Profiles.LocalTenant.Logs;

namespace Profiles.LocalTenant.Authentication;

/// <summary>Auth0's Authentication API: discovery, JWKS, /authorize, /oauth/token, /userinfo, logout, /dbconnections.</summary>
public static class AuthenticationApi
{
    public static IServiceCollection AddAuthenticationApi(this IServiceCollection services)
    {
        services.AddSingleton<LoginTransactions>();
        services.AddSingleton<AuthorizationCodes>();
        services.AddSingleton<TenantSessions>();
        services.AddSingleton<LoginCompletion>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<AccountEmails>();
        services.AddSingleton<DatabaseSignup>();
        services.AddSingleton<TenantLogs>();
        services.AddSingleton<RevokeEndpoint>();
        services.AddSingleton<Audiences>();
        return services;
    }

    public static void MapAuthenticationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", DiscoveryEndpoints.Configuration);
        app.MapGet("/.well-known/jwks.json", DiscoveryEndpoints.Jwks);
        app.MapGet("/authorize", AuthorizeEndpoint.Handle);
        app.MapPost("/oauth/token", (HttpContext context, TokenEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapPost("/oauth/revoke", (HttpContext context, RevokeEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.HandleAsync);
        app.MapGet("/v2/logout", LogoutEndpoints.V2Logout);
        app.MapMethods("/oidc/logout", [HttpMethods.Get, HttpMethods.Post], LogoutEndpoints.OidcLogoutAsync);
        app.MapPost("/oidc/logout/confirm", LogoutEndpoints.ConfirmAsync);
        app.MapPost("/dbconnections/signup", DbConnectionsEndpoints.SignupAsync);
        app.MapPost("/dbconnections/change_password", DbConnectionsEndpoints.ChangePasswordAsync);
    }
}
