using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;
using Profiles.Core.Account;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Settings;
using Profiles.Web.Linking;

namespace Profiles.Web.Authentication.Linking;

/// <summary>Registers account linking: Core's rules, the localized notices, and the second authorization (an OAuth scheme whose
/// sign-in scheme is the short-lived candidate cookie, so the portal session is never replaced).</summary>
public static class LinkingRegistration
{
    public static IServiceCollection AddAccountLinking(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddLinking(configuration);
        services.AddSingleton<ILinkingNotices, LinkingNotices>();
        services.AddScoped<LinkOAuthEvents>();

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

        services.AddOptions<OAuthOptions>(LinkAuthentication.Scheme)
            .Configure<IOptions<Auth0Options>>((oauth, auth0) =>
            {
                var settings = auth0.Value;
                oauth.ClientId = settings.ClientId;
                oauth.ClientSecret = settings.ClientSecret;
                oauth.AuthorizationEndpoint = settings.Authority + "/authorize";
                oauth.TokenEndpoint = settings.Authority + "/oauth/token";
                oauth.CallbackPath = LinkAuthentication.CallbackPath;
                oauth.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email" })
                {
                    oauth.Scope.Add(scope);
                }

                oauth.UsePkce = true;
                oauth.SaveTokens = false;
                oauth.SignInScheme = LinkAuthentication.CandidateScheme;
                oauth.EventsType = typeof(LinkOAuthEvents);
                oauth.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oauth.CorrelationCookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            });

        services.AddAuthentication()
            .AddCookie(LinkAuthentication.CandidateScheme)
            .AddOAuth(LinkAuthentication.Scheme, _ => { });
        return services;
    }
}
