using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Profiles.Core.Settings;

namespace Profiles.Web.Authentication;

/// <summary>
/// Sign-in with Auth0 on ASP.NET Core's OpenIdConnect handler, registered and configured the way the Auth0 ASP.NET Core SDK
/// (Auth0.AspNetCore.Authentication, not in the registry) does it, under the SDK's method names. The handler does code +
/// PKCE, state, nonce, discovery, JWKS and the ID token validation; this class only sets it up. Every OpenIdConnect scheme
/// of the portal (the sign-in and the second authorization of linking) is configured by <see cref="ConfigureOpenIdConnect"/>.
/// </summary>
public static class Auth0WebAppAuthenticationExtensions
{
    /// <summary>The SDK's default scheme name (<c>Auth0Constants.AuthenticationScheme</c>).</summary>
    public const string AuthenticationScheme = "Auth0";

    /// <summary>The SDK's default callback path.</summary>
    public const string DefaultCallbackPath = "/callback";

    /// <summary>Tolerated clock difference between Auth0 and the portal for <c>exp</c>, <c>nbf</c> and <c>auth_time</c>.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>Adds authentication with a cookie as default scheme and Auth0 under <see cref="AuthenticationScheme"/>.</summary>
    public static AuthenticationBuilder AddAuth0WebAppAuthentication(this IServiceCollection services, Action<Auth0WebAppOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        var options = new Auth0WebAppOptions();
        configureOptions(options);
        return services
            .AddAuthentication(authentication =>
            {
                authentication.DefaultAuthenticateScheme = options.CookieAuthenticationScheme;
                authentication.DefaultSignInScheme = options.CookieAuthenticationScheme;
                authentication.DefaultChallengeScheme = options.CookieAuthenticationScheme;
            })
            .AddAuth0WebAppAuthentication(AuthenticationScheme, configureOptions);
    }

    /// <summary>Adds one more Auth0 scheme (the linking authorization uses this with its own callback and sign-in scheme).</summary>
    public static AuthenticationBuilder AddAuth0WebAppAuthentication(this AuthenticationBuilder builder, string authenticationScheme, Action<Auth0WebAppOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureOptions);
        // After the first fetch the IdentityModel ConfigurationManager refreshes in the background; the handler's one retry on
        // an unknown signing key needs the refreshed JWKS before it validates again, so refreshes block (at most one per 5 minutes).
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);

        builder.Services.AddOptions<Auth0WebAppOptions>(authenticationScheme).Configure(configureOptions);
        builder.AddOpenIdConnect(authenticationScheme, _ => { });
        builder.Services.AddOptions<OpenIdConnectOptions>(authenticationScheme)
            .Configure<IOptionsMonitor<Auth0WebAppOptions>, IHostEnvironment, TimeProvider>((oidc, auth0, environment, timeProvider) =>
                ConfigureOpenIdConnect(oidc, auth0.Get(authenticationScheme), environment, timeProvider));

        var probe = new Auth0WebAppOptions();
        configureOptions(probe);
        if (!probe.SkipCookieMiddleware)
        {
            builder.AddCookie(probe.CookieAuthenticationScheme);
        }

        return builder;
    }

    /// <summary>The one set-up of an Auth0 OpenIdConnect scheme: the SDK's settings plus the portal's stricter ones (no tokens
    /// in the cookie, RS256 only, 60 s skew, query response mode with Lax cookies, no front-channel logout endpoint).</summary>
    internal static void ConfigureOpenIdConnect(OpenIdConnectOptions oidc, Auth0WebAppOptions auth0, IHostEnvironment environment, TimeProvider timeProvider)
    {
        var authority = Auth0Authority.FromDomain(auth0.Domain);
        var local = IsLocal(environment);
        oidc.Authority = authority;
        // Plain http is for the local tenant only (Auth0HttpsValidator stops start-up with an http domain elsewhere).
        oidc.RequireHttpsMetadata = !(local && authority.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        oidc.ClientId = auth0.ClientId;
        oidc.ClientSecret = auth0.ClientSecret;
        oidc.Scope.Clear();
        foreach (var scope in auth0.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("openid").Distinct(StringComparer.Ordinal))
        {
            oidc.Scope.Add(scope);
        }

        oidc.CallbackPath = auth0.CallbackPath ?? DefaultCallbackPath;
        oidc.SignInScheme = auth0.SignInScheme;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        // Auth0 redirects back with a GET: the correlation and nonce cookies can stay SameSite=Lax (form_post would need None).
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        // The SDK saves the tokens in the cookie; the portal needs none of them and keeps them out of the browser.
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.MapInboundClaims = false;
        oidc.DisableTelemetry = true;
        // No front-channel logout: an unauthenticated GET must not be able to end a portal session.
        oidc.RemoteSignOutPath = PathString.Empty;
        // Auth0 sends the browser straight to the portal's root after logout (its Allowed Logout URLs), not to a callback.
        oidc.SignedOutCallbackPath = PathString.Empty;
        oidc.TimeProvider = timeProvider;
        oidc.TokenValidationParameters = new TokenValidationParameters
        {
            NameClaimType = PortalClaimTypes.Name,
            RoleClaimType = "role",
            ValidateAudience = true,
            ValidAudience = auth0.ClientId,
            ValidateIssuer = true,
            // Auth0 writes its issuer with a trailing slash.
            ValidIssuer = authority + "/",
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = ClockSkew,
        };

        foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            // Over http (the local tenant in Development) these cookies cannot be Secure.
            cookie.SecurePolicy = local ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        }
    }

    /// <summary>Development or Testing: the environments where the local tenant may run on http.</summary>
    public static bool IsLocal(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() || environment.IsEnvironment("Testing");
    }
}
