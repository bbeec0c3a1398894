using System.Globalization;
using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Profiles.Web.Hosting;

namespace Profiles.Web.Authentication;

/// <summary>
/// What the Auth0 SDK adds to the OpenIdConnect handler, and the portal's public origin: the Auth0-specific ID token claim rules
/// the handler does not know (<c>sub</c> and <c>iat</c> present, <c>azp</c>, <c>auth_time</c> with <c>max_age</c>; signature,
/// issuer, audience, lifetime and nonce are the handler's), the extra <c>/authorize</c> parameters Auth0 understands, the
/// <c>redirect_uri</c> on the configured origin, and the sign-out redirect. The portal's schemes derive from it.
/// </summary>
public class Auth0OpenIdConnectEvents(IPublicUrls publicUrls, TimeProvider timeProvider, IOptions<SignOutOptions> signOut) : OpenIdConnectEvents
{
    /// <summary>The <c>max_age</c> sent to <c>/authorize</c>, kept in the protected state so the returned <c>auth_time</c> is checked.</summary>
    public const string MaxAgeItem = ".auth0.max_age";

    /// <summary>Sign-out parameter: the Auth0 session id (<c>sid</c>) of the session being ended, sent as <c>logout_hint</c>.</summary>
    public const string LogoutHintParameter = "logout_hint";

    /// <summary>Challenge parameter: the email the login page fills in.</summary>
    public const string LoginHintParameter = "login_hint";

    /// <summary>Challenge parameter: why the login page is shown, as text for the user. Auth0 passes authorization parameters
    /// prefixed <c>ext-</c> to a custom Universal Login page template (<c>transaction.params.ext-reason</c>); the local tenant
    /// shows it above its sign-in form.</summary>
    public const string ReasonParameter = "ext-reason";

    /// <summary>Challenge parameter: the API the access token is for (the My Account API's <c>https://{domain}/me/</c>).</summary>
    public const string AudienceParameter = "audience";

    /// <summary>Challenge parameters passed on to <c>/authorize</c> (the handler itself knows only <c>prompt</c> and a
    /// <see cref="TimeSpan"/> <c>max_age</c>).</summary>
    private static readonly string[] AuthorizeParameters = ["prompt", "max_age", "screen_hint", LoginHintParameter, "connection", ReasonParameter, AudienceParameter];

    protected TimeProvider Clock => timeProvider;

    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.ProtocolMessage;
        message.RedirectUri = publicUrls.For(context.Request.PathBase + context.Options.CallbackPath).AbsoluteUri;
        foreach (var name in AuthorizeParameters)
        {
            if (context.Properties.GetParameter<object>(name) is string { Length: > 0 } value)
            {
                message.SetParameter(name, value);
            }
        }

        // The login page speaks the portal's language: Universal Login (and the local tenant) read ui_locales first.
        if (string.IsNullOrEmpty(message.UiLocales) && CultureInfo.CurrentUICulture.Name is { Length: > 0 } language)
        {
            message.UiLocales = language;
        }

        if (!string.IsNullOrEmpty(message.MaxAge))
        {
            context.Properties.Items[MaxAgeItem] = message.MaxAge;
        }

        return base.RedirectToIdentityProvider(context);
    }

    /// <summary>Ends the Auth0 session. The choice is explicit: Auth0's <c>/v2/logout</c>, which every tenant has and which
    /// never asks the user; or, when <see cref="SignOutOptions.UseEndSessionEndpoint"/> is on and the tenant's discovery
    /// document advertises one, its <c>end_session_endpoint</c> (RP-initiated logout).</summary>
    public override Task RedirectToIdentityProviderForSignOut(RedirectContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var returnTo = publicUrls.For(context.Request.PathBase + "/").AbsoluteUri;
        var endSession = signOut.Value.UseEndSessionEndpoint ? context.ProtocolMessage.IssuerAddress : null;
        var url = string.IsNullOrEmpty(endSession)
            ? Auth0LogoutUrl.Build(context.Options.Authority!.TrimEnd('/'), context.Options.ClientId!, returnTo)
            : Auth0LogoutUrl.BuildEndSession(endSession, context.Options.ClientId!, returnTo, context.Properties.GetParameter<string>(LogoutHintParameter));
        context.Response.Redirect(url);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            CheckAuth0Claims(context.SecurityToken, context.Options.ClientId, context.Properties?.Items);
        }
        catch (IdTokenRejectedException rejected)
        {
            context.Fail(rejected);
        }

        return Task.CompletedTask;
    }

    /// <summary>The Auth0 SDK's ID token rules on top of the handler's validation.</summary>
    private void CheckAuth0Claims(JwtSecurityToken token, string? clientId, IDictionary<string, string?>? items)
    {
        if (string.IsNullOrEmpty(token.Subject) || !token.Payload.ContainsKey(JwtRegisteredClaimNames.Iat))
        {
            throw new IdTokenRejectedException("The ID token lacks sub or iat.");
        }

        // With several audiences azp is required, and whenever present it must name this client (OIDC Core 3.1.3.7).
        var party = token.Payload.Azp;
        if (token.Audiences.Skip(1).Any() && string.IsNullOrEmpty(party))
        {
            throw new IdTokenRejectedException("The ID token has several audiences and no azp.");
        }

        if (!string.IsNullOrEmpty(party) && party != clientId)
        {
            throw new IdTokenRejectedException("The ID token's azp does not name this client.");
        }

        var maxAge = items is not null && items.TryGetValue(MaxAgeItem, out var maxAgeText) &&
                     long.TryParse(maxAgeText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;
        var authTime = AuthTime(token);
        if (authTime is null)
        {
            if (maxAge is not null)
            {
                throw new IdTokenRejectedException("A fresh sign-in was asked for but the ID token has no auth_time.");
            }

            return;
        }

        var now = timeProvider.GetUtcNow();
        if (authTime > now + Auth0WebAppAuthenticationExtensions.ClockSkew)
        {
            throw new IdTokenRejectedException("The ID token's auth_time is in the future.");
        }

        if (maxAge is { } limit && authTime + limit + Auth0WebAppAuthenticationExtensions.ClockSkew < now)
        {
            throw new IdTokenRejectedException("A fresh sign-in was asked for but the ID token's auth_time is too old.");
        }
    }

    /// <summary>The token's <c>auth_time</c>; null when absent.</summary>
    protected static DateTimeOffset? AuthTime(JwtSecurityToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.Payload.TryGetValue(JwtRegisteredClaimNames.AuthTime, out var value))
        {
            return null;
        }

        return long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new IdTokenRejectedException("The ID token's auth_time is not a number.");
    }
}
