using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Settings;
using Profiles.Core.SignInMethods;
using Profiles.Web.Authentication;

namespace Profiles.Web.SignInMethods;

/// <summary>Registers account linking: Core's rules, the localized notices, and the second authorization — one more Auth0
/// scheme from the same <see cref="Auth0WebAppAuthenticationExtensions.AddAuth0WebAppAuthentication(AuthenticationBuilder, string, Action{Auth0WebAppOptions})"/>
/// as the sign-in, with its own callback and the short-lived candidate cookie as sign-in scheme, so the portal session is never
/// replaced.</summary>
public static class SignInMethodsJourneyServiceCollectionExtensions
{
    public static IServiceCollection AddSignInMethodsJourney(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSignInMethodsJourneyCore(configuration);
        services.AddSingleton<ILinkingNotices, LinkingNotices>();
        services.AddScoped<LinkSignInEvents>();

        services.AddOptions<CookieAuthenticationOptions>(LinkAuthentication.CandidateScheme)
            .Configure<IOptions<LinkingOptions>>((cookie, linking) =>
            {
                cookie.Cookie.Name = LinkAuthentication.CandidateCookieName;
                cookie.CookieManager = new HostPrefixCookieManager();
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(linking.Value.CandidateMinutes);
                cookie.SlidingExpiration = false;
            });

        services.AddAuthentication()
            .AddCookie(LinkAuthentication.CandidateScheme)
            .AddAuth0WebAppAuthentication(LinkAuthentication.Scheme, options =>
            {
                var auth0 = configuration.GetSection(Auth0Options.SectionName);
                options.Domain = auth0["Domain"] ?? "";
                options.ClientId = auth0["ClientId"] ?? "";
                options.ClientSecret = auth0["ClientSecret"];
                options.Scope = "openid profile email";
                options.CallbackPath = LinkAuthentication.CallbackPath;
                options.SignInScheme = LinkAuthentication.CandidateScheme;
                options.SkipCookieMiddleware = true;
            });
        services.Configure<OpenIdConnectOptions>(LinkAuthentication.Scheme, oidc => oidc.EventsType = typeof(LinkSignInEvents));
        return services;
    }
}
