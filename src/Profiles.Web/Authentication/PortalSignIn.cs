using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.Core.Settings;
using Profiles.Web.Hosting;

namespace Profiles.Web.Authentication;

/// <summary>
/// Registers the portal sign-in: <see cref="Auth0WebAppAuthenticationExtensions.AddAuth0WebAppAuthentication(IServiceCollection, Action{Auth0WebAppOptions})"/>
/// (the Auth0 SDK's call, here on the framework's OpenIdConnect handler) with the portal's session cookie and events.
/// </summary>
public static class PortalSignIn
{
    public const string Scheme = Auth0WebAppAuthenticationExtensions.AuthenticationScheme;
    public const string CookieName = "profiles";

    /// <summary>The client the readiness check reads the discovery document with.</summary>
    public const string DiscoveryHttpClient = "auth0-discovery";

    public static AuthenticationBuilder AddPortalSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Core binds and validates the same options (binding scalars twice is harmless); sign-in must not depend on the order.
        services.AddOptions<Auth0Options>().Bind(configuration.GetSection(Auth0Options.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Auth0Options>, Auth0OptionsValidator>());
        services.AddSingleton<IValidateOptions<Auth0Options>>(new Auth0HttpsValidator(environment));
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicOriginOptions>().Bind(configuration.GetSection(PublicOriginOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicOriginOptions>, PublicOriginOptionsValidator>();
        services.TryAddSingleton<IPublicUrls, PublicUrls>();
        services.AddOptions<SignOutOptions>().Bind(configuration.GetSection(SignOutOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddOptions<RecentSignInOptions>().Bind(configuration.GetSection(RecentSignInOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IRecentSignIn, RecentSignIn>();
        services.AddScoped<IPortalSignOut, PortalSignOut>();
        services.AddHttpClient(DiscoveryHttpClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<PortalSignInEvents>();
        services.AddScoped<PortalSessionEvents>();

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SessionOptions>>((cookie, session) =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.CookieManager = new HostPrefixCookieManager();
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(session.Value.LifetimeMinutes);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/account/login";
                cookie.LogoutPath = "/account/logout";
                cookie.AccessDeniedPath = PortalSignInEvents.SignInErrorPath;
                cookie.EventsType = typeof(PortalSessionEvents);
            });

        var builder = services.AddAuth0WebAppAuthentication(options =>
        {
            var auth0 = configuration.GetSection(Auth0Options.SectionName);
            options.Domain = auth0["Domain"] ?? "";
            options.ClientId = auth0["ClientId"] ?? "";
            options.ClientSecret = auth0["ClientSecret"];
            options.Scope = auth0["Scope"] is { Length: > 0 } scope ? scope : new Auth0Options().Scope;
            options.CallbackPath = auth0["CallbackPath"] is { Length: > 0 } callback ? callback : new Auth0Options().CallbackPath;
        });
        services.Configure<OpenIdConnectOptions>(Scheme, oidc => oidc.EventsType = typeof(PortalSignInEvents));
        // After the cookie handler's own post-configuration (registered by AddCookie above), which makes the format.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<TimeProvider>((cookie, time) =>
            {
                if (cookie.TicketDataFormat is { } format and not RememberedTicketFormat)
                {
                    cookie.TicketDataFormat = new RememberedTicketFormat(format, time);
                }
            });
        // Pages that need a signed-in user go straight to Auth0 (the SDK's default would show the cookie's LoginPath first).
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = Scheme;
        });
        return builder;
    }
}
