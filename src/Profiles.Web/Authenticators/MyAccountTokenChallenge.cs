using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Profiles.Core.Authenticators;
using Profiles.Core.Settings;
using Profiles.Web.Authentication;

namespace Profiles.Web.Authenticators;

/// <summary>
/// Gets the user an access token for the My Account API through the portal's own sign-in: a challenge with
/// <c>audience=https://{domain}/me/</c> and only the page's scopes (Auth0's single sign-on answers without asking the user
/// again). When the code comes back the token goes straight to the server-side store (<see cref="AuthenticatorStateStore"/>);
/// the sign-in saves no token in its cookie, and none reaches the page or the logs. When the tenant refuses the audience (the
/// API is not activated, or the application has no client grant for it) the user returns to the page, which then works
/// through the Management API.
/// </summary>
public sealed class MyAccountTokenChallenge(
    IAuthenticatorsService authenticators,
    IOptions<Auth0Options> auth0,
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    TimeProvider timeProvider)
{
    /// <summary>Query parameter on the page's address after the round trip: <see cref="Returned"/> or <see cref="RefusedValue"/>.</summary>
    public const string QueryParameter = "myaccount";

    public const string Returned = "returned";

    public const string RefusedValue = "refused";

    /// <summary>Marks the challenge as the token request; holds the page to return to.</summary>
    internal const string ReturnItem = ".profiles.my_account_return";

    /// <summary>Auth0 issues API tokens for a day by default; a response without <c>expires_in</c> is kept an hour.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    public AuthenticationProperties Create(string userId, string returnPath)
    {
        var properties = new AuthenticationProperties { RedirectUri = returnPath + "?" + QueryParameter + "=" + Returned };
        properties.SetParameter(Auth0OpenIdConnectEvents.AudienceParameter, MyAccountToken.AudienceFor(auth0.Value.Authority));
        var scopes = oidc.Get(PortalSignIn.Scheme).Scope.Concat(MyAccountToken.Scopes).Distinct(StringComparer.Ordinal).ToList();
        properties.SetParameter<ICollection<string>>(OpenIdConnectParameterNames.Scope, scopes);
        properties.Items[PortalSignInEvents.ExpectedSubjectItem] = userId;
        properties.Items[ReturnItem] = returnPath;
        return properties;
    }

    /// <summary>On the validated callback of a token request: keeps the access token for this user and sign-in.</summary>
    internal async Task KeepAsync(TokenValidatedContext context, IDictionary<string, string?> items)
    {
        if (!items.Remove(ReturnItem) || context.TokenEndpointResponse?.AccessToken is not { Length: > 0 } accessToken)
        {
            return;
        }

        var lifetime = int.TryParse(context.TokenEndpointResponse.ExpiresIn, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultLifetime;
        var principal = context.Principal!;
        var viewer = new AuthenticatorViewer(principal.FindFirst(PortalClaimTypes.Subject)!.Value, principal.FindFirst(PortalClaimTypes.SessionId)?.Value);
        await authenticators.KeepTokenAsync(viewer, new MyAccountToken(accessToken, timeProvider.GetUtcNow() + lifetime), context.HttpContext.RequestAborted);
    }

    /// <summary>When a token request failed at the tenant: back to the page, which lists through the Management API instead of
    /// showing the sign-in error page. False for any other sign-in.</summary>
    internal static bool Refused(HttpContext httpContext, AuthenticationProperties? properties)
    {
        if (properties is null || !properties.Items.TryGetValue(ReturnItem, out var returnPath) || string.IsNullOrEmpty(returnPath) ||
            !returnPath.StartsWith('/') || returnPath.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        httpContext.Response.Redirect(returnPath + "?" + QueryParameter + "=" + RefusedValue);
        return true;
    }
}
