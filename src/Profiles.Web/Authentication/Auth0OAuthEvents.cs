using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Base64UrlTextEncoder = Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder;
using Microsoft.Extensions.Primitives;

namespace Profiles.Web.Authentication;

/// <summary>
/// The OIDC parts the built-in OAuth handler lacks: a nonce on <c>/authorize</c>, ID token validation when the code is
/// exchanged, and friendly pages for Auth0's error redirects.
/// </summary>
public sealed partial class Auth0OAuthEvents(IdTokenValidator validator, ILogger<Auth0OAuthEvents> logger) : OAuthEvents
{
    /// <summary>Where the nonce travels: AuthenticationProperties.Items are encrypted into <c>state</c>.</summary>
    public const string NonceItem = ".auth0.nonce";

    /// <summary>The <c>max_age</c> of a re-authentication challenge, kept so the returned <c>auth_time</c> can be checked.</summary>
    public const string MaxAgeItem = ".auth0.max_age";

    /// <summary>On a re-authentication challenge: the user who must come back (a different account is refused).</summary>
    public const string ExpectedSubjectItem = ".profiles.expected_sub";

    /// <summary>On a re-authentication challenge: when it was sent (UNIX seconds); <c>auth_time</c> must not be older.</summary>
    public const string RequestedAtItem = ".profiles.reauth_requested_at";

    public const string SignInErrorPath = "/account/signin-error";

    /// <summary>Tolerated clock difference between Auth0 and the portal when comparing <c>auth_time</c> with the request time.</summary>
    private static readonly TimeSpan ReauthenticationSkew = TimeSpan.FromSeconds(60);

    public override Task RedirectToAuthorizationEndpoint(RedirectContext<OAuthOptions> context)
    {
        // The handler protected the properties into 'state' before this event; protect them again with the nonce included.
        var nonce = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        context.Properties.Items[NonceItem] = nonce;
        if (context.Properties.GetParameter<string>("max_age") is { } maxAge)
        {
            context.Properties.Items[MaxAgeItem] = maxAge;
        }

        var uri = new Uri(context.RedirectUri);
        var query = QueryHelpers.ParseQuery(uri.Query);
        query["state"] = context.Options.StateDataFormat.Protect(context.Properties);
        query["nonce"] = nonce;
        foreach (var (name, value) in context.Properties.Parameters)
        {
            if (value is string text && name is "prompt" or "max_age" or "screen_hint" or "login_hint" or "connection")
            {
                query[name] = text;
            }
        }

        var baseUri = uri.GetLeftPart(UriPartial.Path);
        context.Response.Redirect(QueryHelpers.AddQueryString(baseUri, query.Select(p => new KeyValuePair<string, StringValues>(p.Key, p.Value))));
        return Task.CompletedTask;
    }

    public override async Task CreatingTicket(OAuthCreatingTicketContext context)
    {
        var idToken = context.TokenResponse.Response?.RootElement.TryGetProperty("id_token", out var value) == true
            ? value.GetString()
            : null;
        context.Properties.Items.TryGetValue(NonceItem, out var nonce);
        var maxAge = context.Properties.Items.TryGetValue(MaxAgeItem, out var maxAgeText) &&
                     int.TryParse(maxAgeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;
        var claims = await validator.ValidateAsync(idToken, nonce, maxAge, context.HttpContext.RequestAborted);
        CheckReauthentication(context.Properties, claims);

        var identity = new ClaimsIdentity(
            claims.Where(c => PortalClaimTypes.Kept.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer)),
            context.Scheme.Name,
            PortalClaimTypes.Name,
            "role");
        context.Principal = new ClaimsPrincipal(identity);

        // The nonce has done its job; the cookie does not need it.
        context.Properties.Items.Remove(NonceItem);
        context.Properties.Items.Remove(MaxAgeItem);
        context.Properties.Items.Remove(ExpectedSubjectItem);
        context.Properties.Items.Remove(RequestedAtItem);
        LogSignedIn(logger);
    }

    /// <summary>A re-authentication must bring back the same user, authenticated after the portal asked (2.2.4: record the
    /// request time, check <c>auth_time</c> is later). Failures reach <see cref="RemoteFailure"/> and the session stays as it was.</summary>
    private static void CheckReauthentication(AuthenticationProperties properties, IReadOnlyList<Claim> claims)
    {
        if (properties.Items.TryGetValue(ExpectedSubjectItem, out var expected) &&
            !string.Equals(expected, claims.FirstOrDefault(c => c.Type == PortalClaimTypes.Subject)?.Value, StringComparison.Ordinal))
        {
            throw new IdTokenRejectedException(IdTokenRejectedException.OtherAccountMessage);
        }

        if (properties.Items.TryGetValue(RequestedAtItem, out var requestedText) &&
            long.TryParse(requestedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var requestedAt))
        {
            var authTime = claims.FirstOrDefault(c => c.Type == PortalClaimTypes.AuthTime)?.Value;
            if (!long.TryParse(authTime, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var authenticatedAt) ||
                authenticatedAt < requestedAt - (long)ReauthenticationSkew.TotalSeconds)
            {
                throw new IdTokenRejectedException("A fresh sign-in was asked for but the ID token's auth_time is older than the request.");
            }
        }
    }

    public override Task AccessDenied(AccessDeniedContext context)
    {
        RedirectToError(context.HttpContext, SignInErrorReason.AccessDenied);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        var query = context.Request.Query;
        var reason = SignInErrorReason.From(query["error"], query["error_description"], context.Failure);
        // Only our own ID token messages are logged verbatim: they are fixed sentences without token or user data.
        var detail = context.Failure is IdTokenRejectedException rejected ? rejected.Message : context.Failure?.GetType().Name ?? "none";
        LogSignInFailed(logger, reason, detail);
        RedirectToError(context.HttpContext, reason);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static void RedirectToError(HttpContext httpContext, string reason) =>
        httpContext.Response.Redirect($"{httpContext.Request.PathBase}{SignInErrorPath}?reason={Uri.EscapeDataString(reason)}");

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Sign-in completed")]
    private static partial void LogSignedIn(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Sign-in failed: {Reason} ({Detail})")]
    private static partial void LogSignInFailed(ILogger logger, string reason, string detail);
}
