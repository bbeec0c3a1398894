using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Profiles.Core.DependencyInjection;
using Profiles.Web.AccountEmail;
using Profiles.Web.AccountData;
using Profiles.Web.Authentication;
using Profiles.Web.Authentication.Linking;
using Profiles.Web.Health;
using Profiles.Web.Infrastructure;
using Profiles.Web.Localization;
using Profiles.Web.Password;
using Profiles.Core.Security;

namespace Profiles.Web.Hosting;

/// <summary>The portal's composition root.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAuth0Login(configuration, environment);
        services.AddProfileServices(configuration);
        services.AddAccountLinking(configuration, environment);
        services.AddPasswordJourney(configuration);
        services.AddAccountEmail(configuration);
        services.AddDataJourney(configuration);

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(PortalCultures.Configure);
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        // ASVS 5.0 3.4.1: at least a year (ASP.NET Core's default is 30 days).
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // Behind a TLS-terminating proxy the scheme decides cookie names and redirect URIs; only loopback proxies are trusted
        // unless the operator adds KnownProxies/KnownNetworks.
        services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "profiles-antiforgery";
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/");
                options.Conventions.AllowAnonymousToPage("/Index");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/Logout");
                options.Conventions.AllowAnonymousToPage("/Account/SigninError");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        services.AddHealthChecks().AddCheck<Auth0ReadinessCheck>("auth0", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The one place the profile service and the operator's declarations are registered (Profiles.Core binds
    /// <c>Profiles:Preferences</c> and <c>Profiles:AppMetadata</c>; bind them nowhere else: binding appends to lists),
    /// plus the readiness probe over Core's token cache.
    /// </summary>
    public static IServiceCollection AddProfileServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ICorrelationContext, HttpCorrelationContext>();
        services.AddProfilesCore(configuration);
        services.AddSingleton<IManagementTokenProbe, ManagementTokenProbe>();
        return services;
    }
}
