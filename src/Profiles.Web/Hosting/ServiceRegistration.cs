using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.DependencyInjection;
using Profiles.Web.Authentication;
using Profiles.Web.Authenticators;
using Profiles.Web.Data;
using Profiles.Web.Deployment;
using Profiles.Web.Devices;
using Profiles.Web.Email;
using Profiles.Web.Freshness;
using Profiles.Web.Health;
using Profiles.Web.Infrastructure;
using Profiles.Web.Localization;
using Profiles.Web.Password;
using Profiles.Web.Preferences;
using Profiles.Web.SignInMethods;
using Profiles.Web.Support;
using Profiles.Web.Telemetry;
using Profiles.Web.Terms;
using Profiles.Core.Security;
using Profiles.Web.Applications;

namespace Profiles.Web.Hosting;

/// <summary>The portal's composition root.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPortalSignIn(configuration, environment);
        services.AddProfileServices(configuration);
        services.AddSignInMethodsJourney(configuration, environment);
        services.AddPasswordJourney(configuration);
        services.AddEmailJourney(configuration);
        services.AddDataJourney(configuration);
        services.AddTermsJourney(configuration);
        services.AddDevicesJourney(configuration);
        services.AddAuthenticatorsJourney(configuration);
        services.AddApplicationsJourney(configuration);
        services.AddFreshness();
        services.AddSupportContact(configuration);
        services.AddScoped<CurrentUserClock>();
        services.AddSingleton<PageLinks>();
        if (environment.IsDevelopment())
        {
            services.AddSingleton<IPostConfigureOptions<KeyManagementOptions>, DevelopmentKeyRing>();
            services.AddHostedService<LocalTenantNotice>();
        }

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachingStringLocalizerFactory>());
        services.AddPortalLanguages(configuration);
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        // ASVS 5.0 3.4.1: at least a year (ASP.NET Core's default is 30 days).
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddPortalForwardedHeaders(configuration);
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
                options.Conventions.AllowAnonymousToPage("/Account/Gone");
            })
            .AddMvcOptions(options => options.Filters.Add<FormFailureFilter>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddQuietTempData();

        services.AddHealthChecks().AddCheck<Auth0ReadinessCheck>("auth0", tags: ["ready"])
            .AddCheck<PortalDatabaseReadinessCheck>("portal-database", tags: ["ready"]);
        services.AddPortalTelemetry(configuration);
        services.AddPortalDataProtection(configuration, environment);
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
