namespace Profiles.LocalTenant.Management;

/// <summary>Auth0's Management API v2 subset under <c>/api/v2</c>.</summary>
public static class ManagementApi
{
    public static IServiceCollection AddManagementApi(this IServiceCollection services)
    {
        services.AddSingleton<ManagementAuthenticator>();
        services.AddSingleton<TicketIssuer>();
        services.AddSingleton<UserCreator>();
        services.AddSingleton<AccountLinker>();
        services.AddSingleton<SessionsFeature>();
        return services;
    }

    public static void MapManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v2");
        UsersEndpoints.Map(api);
        IdentitiesEndpoints.Map(api);
        JobsEndpoints.Map(api);
        TicketsEndpoints.Map(api);
        SessionsEndpoints.Map(api);
        SessionEndpoints.Map(api);
        GrantsEndpoints.Map(api);
        RefreshTokensEndpoints.Map(api);
        UserLogsEndpoints.Map(api);
        ClientsEndpoints.Map(api);
        UserBlocksEndpoints.Map(api);
        AuthenticationMethodsEndpoints.Map(api);
        GuardianEndpoints.Map(api);

        // Unknown Management API routes still answer in Auth0's error shape (Auth0 sends no errorCode for these).
        app.MapFallback("/api/v2/{**path}", () => ManagementErrors.Error(StatusCodes.Status404NotFound, "Not Found", null));
    }

    /// <summary>Bearer authentication plus Auth0's scope check (any of <paramref name="scopes"/>) for one endpoint.</summary>
    internal static RouteHandlerBuilder RequireScopes(this RouteHandlerBuilder builder, params string[] scopes)
        => builder.AddEndpointFilter(new ScopeFilter(scopes));
}
