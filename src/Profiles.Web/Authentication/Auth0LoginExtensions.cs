using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Profiles.Core.Settings;

namespace Profiles.Web.Authentication;

/// <summary>
/// Sign-in with Auth0 through ASP.NET Core's OAuth handler (code + PKCE) plus OIDC ID token validation
/// (docs/decisions: the Auth0 SDK and the OpenIdConnect handler are not in the registry). The only file to change when
/// the SDK becomes available.
/// </summary>
public static class Auth0LoginExtensions
{
    public const string Scheme = "Auth0";
    public const string CookieName = "profiles";
    public const string DiscoveryHttpClient = "auth0-discovery";

    public static AuthenticationBuilder AddAuth0Login(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // After the first fetch the IdentityModel ConfigurationManager refreshes in the background; the unknown-kid retry
        // needs the refreshed keys before it validates again, so refreshes block (they are rare: at most one per 5 minutes).
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

        // Core binds and validates the same options (binding scalars twice is harmless); sign-in must not depend on the order.
        services.AddOptions<Auth0Options>().Bind(configuration.GetSection(Auth0Options.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Auth0Options>, Auth0OptionsValidator>());
        services.AddSingleton<IValidateOptions<Auth0Options>>(new Auth0HttpsValidator(environment));
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddTimeProvider();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddOptions<RecentSignInOptions>().Bind(configuration.GetSection(RecentSignInOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IRecentSignIn, RecentSignIn>();
        services.AddHttpClient(DiscoveryHttpClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
        {
            var authority = sp.GetRequiredService<IOptions<Auth0Options>>().Value.Authority;
            var httpClient = sp.GetRequiredService<IHttpClientFactory>().CreateClient(DiscoveryHttpClient);
            var retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = authority.StartsWith("https://", StringComparison.Ordinal) };
            return new ConfigurationManager<OpenIdConnectConfiguration>(
                authority + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(), retriever);
        });
        services.AddSingleton<IdTokenValidator>();
        services.AddScoped<Auth0OAuthEvents>();

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
                cookie.AccessDeniedPath = Auth0OAuthEvents.SignInErrorPath;
                cookie.EventsType = typeof(PortalSessionEvents);
            });
        services.AddScoped<PortalSessionEvents>();

        services.AddOptions<OAuthOptions>(Scheme)
            .Configure<IOptions<Auth0Options>>((oauth, auth0) =>
            {
                var settings = auth0.Value;
                var authority = settings.Authority;
                oauth.ClientId = settings.ClientId;
                oauth.ClientSecret = settings.ClientSecret;
                oauth.AuthorizationEndpoint = authority + "/authorize";
                oauth.TokenEndpoint = authority + "/oauth/token";
                oauth.CallbackPath = settings.CallbackPath;
                oauth.Scope.Clear();
                foreach (var scope in settings.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    oauth.Scope.Add(scope);
                }

                oauth.UsePkce = true;
                oauth.SaveTokens = false;
                oauth.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                oauth.EventsType = typeof(Auth0OAuthEvents);
                // The callback is a top-level GET redirect from Auth0, so Lax is enough; over http (Development) the
                // correlation cookie cannot be Secure.
                oauth.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oauth.CorrelationCookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            });

        return services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = Scheme;
            })
            .AddCookie()
            .AddOAuth(Scheme, _ => { });
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
