using Microsoft.AspNetCore.Authentication.Cookies;

namespace Profiles.Web.Authentication;

/// <summary>
/// The options of <see cref="Auth0WebAppAuthenticationExtensions.AddAuth0WebAppAuthentication(IServiceCollection, Action{Auth0WebAppOptions})"/>,
/// named and shaped as the Auth0 ASP.NET Core SDK's <c>Auth0WebAppOptions</c> (only the members the portal uses), so that
/// moving to the SDK is a package change (docs/decisions/0010).
/// </summary>
public sealed class Auth0WebAppOptions
{
    /// <summary>The tenant's host (<c>example.eu.auth0.com</c>, meaning https). Unlike the SDK, a full <c>http://…</c> URL
    /// is also accepted, for the local tenant in Development and Testing only.</summary>
    public string Domain { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    public string Scope { get; set; } = "openid profile";

    /// <summary>Where Auth0 sends the browser back; must be in the application's Allowed Callback URLs.</summary>
    public string? CallbackPath { get; set; }

    /// <summary>The cookie scheme the SDK registers and signs in to (unless <see cref="SkipCookieMiddleware"/>).</summary>
    public string CookieAuthenticationScheme { get; set; } = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Registers no cookie scheme (the application brings its own).</summary>
    public bool SkipCookieMiddleware { get; set; }

    /// <summary>The scheme the validated principal is signed in to; null: the default sign-in scheme.</summary>
    public string? SignInScheme { get; set; }
}
