using Profiles.LocalTenant.Mfa;

namespace Profiles.LocalTenant.MyAccount;

/// <summary>Auth0's My Account API under <c>/me/v1</c>: the signed-in user's own authentication methods and the tenant's factors.</summary>
public static class MyAccountApi
{
    public static IServiceCollection AddMyAccountApi(this IServiceCollection services)
    {
        services.AddSingleton<MyAccountFeature>();
        services.AddSingleton<PendingEnrollments>();
        services.AddSingleton<TotpCodes>();
        services.AddSingleton<MethodEnrollment>();
        services.AddSingleton<PasskeyCeremonies>();
        return services;
    }

    public static void MapMyAccountApi(this IEndpointRouteBuilder app)
    {
        MyAccountEndpoints.Map(app.MapGroup("/me/v1"));
        app.MapFallback("/me/v1/{**path}", () => MyAccountErrors.Error(StatusCodes.Status404NotFound, "A0E-404-0001", "Not Found",
            "The requested resource does not exist."));
    }

    /// <summary>Bearer authentication plus the endpoint's scope.</summary>
    internal static RouteHandlerBuilder RequireMyAccountScope(this RouteHandlerBuilder builder, string scope)
        => builder.AddEndpointFilter(new MyAccountScopeFilter(scope));
}
