using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Profiles.Core.Account;
using Profiles.Core.Security;

namespace Profiles.Web.Authentication.Linking;

/// <summary>
/// The second authorization's OIDC checks: the same nonce and ID token validation as the portal sign-in (issuer, audience =
/// this client, signature, nonce), a fresh <c>auth_time</c> (<c>max_age=0</c>, not older than the request), and the portal
/// user who started it still signed in. The result is only a candidate in its own cookie; nothing is linked here.
/// </summary>
public sealed partial class LinkOAuthEvents(
    Auth0OAuthEvents signInEvents,
    IdTokenValidator validator,
    ISecurityEventLog securityEvents,
    ILogger<LinkOAuthEvents> logger) : OAuthEvents
{
    private static readonly TimeSpan Skew = IdTokenValidator.ClockSkew;

    /// <summary>The nonce and the extra parameters (<c>prompt</c>, <c>max_age</c>, <c>connection</c>) are added exactly as for
    /// the portal sign-in.</summary>
    public override Task RedirectToAuthorizationEndpoint(RedirectContext<OAuthOptions> context) =>
        signInEvents.RedirectToAuthorizationEndpoint(context);

    public override async Task CreatingTicket(OAuthCreatingTicketContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.Properties.Items;
        var idToken = context.TokenResponse.Response?.RootElement.TryGetProperty("id_token", out var value) == true ? value.GetString() : null;
        items.TryGetValue(Auth0OAuthEvents.NonceItem, out var nonce);
        var claims = await validator.ValidateAsync(idToken, nonce, TimeSpan.Zero, context.HttpContext.RequestAborted);

        string? Claim(string type) => claims.FirstOrDefault(c => c.Type == type)?.Value;
        var authTime = long.Parse(Claim(PortalClaimTypes.AuthTime)!, NumberStyles.Integer, CultureInfo.InvariantCulture);
        if (!items.TryGetValue(LinkAuthentication.RequestedAtItem, out var requestedText) ||
            !long.TryParse(requestedText, NumberStyles.None, CultureInfo.InvariantCulture, out var requestedAt) ||
            authTime < requestedAt - (long)Skew.TotalSeconds)
        {
            throw new IdTokenRejectedException("The second account's auth_time is older than the link request.");
        }

        // The state is tied to this browser by the correlation cookie; this also ties it to the portal user of this browser.
        var portal = await context.HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        items.TryGetValue(LinkAuthentication.InitiatorItem, out var initiator);
        if (initiator is null || portal.Principal?.FindFirst(PortalClaimTypes.Subject)?.Value != initiator)
        {
            throw new LinkRefusedException(LinkRefusal.OtherUser);
        }

        var candidate = new LinkCandidate(initiator, Claim(PortalClaimTypes.Subject)!, Claim(PortalClaimTypes.Email),
            string.Equals(Claim(PortalClaimTypes.EmailVerified), "true", StringComparison.OrdinalIgnoreCase),
            items.TryGetValue(LinkAuthentication.ConnectionItem, out var connection) ? connection ?? "" : "", DateTimeOffset.FromUnixTimeSeconds(authTime));
        context.Principal = LinkCandidateCookie.ToPrincipal(candidate);
        foreach (var key in new[] { Auth0OAuthEvents.NonceItem, Auth0OAuthEvents.MaxAgeItem, LinkAuthentication.InitiatorItem,
                     LinkAuthentication.ConnectionItem, LinkAuthentication.RequestedAtItem })
        {
            items.Remove(key);
        }

        LogCandidateReady(logger, candidate.Connection);
    }

    public override Task AccessDenied(AccessDeniedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Redirect(ProblemUrl(context.HttpContext, LinkAuthentication.ProblemCancelled));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = context.Request.Query["error"].ToString();
        var problem = context.Failure switch
        {
            LinkRefusedException refused => refused.Message,
            IdTokenRejectedException => LinkAuthentication.ProblemInvalidToken,
            _ when error is "access_denied" => LinkAuthentication.ProblemCancelled,
            _ when error.Length > 0 => LinkAuthentication.ProblemFailed,
            { Message: var message } when message.Contains("state", StringComparison.OrdinalIgnoreCase) ||
                                          message.Contains("Correlation", StringComparison.OrdinalIgnoreCase) => LinkAuthentication.ProblemExpired,
            _ => LinkAuthentication.ProblemFailed,
        };
        // Only fixed sentences of our own are logged, never token contents.
        var detail = context.Failure is IdTokenRejectedException or LinkRefusedException ? context.Failure.Message : context.Failure?.GetType().Name ?? "none";
        LogLinkSignInFailed(logger, problem, detail);

        var portal = await context.HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (portal.Principal?.FindFirst(PortalClaimTypes.Subject)?.Value is { } userId)
        {
            await securityEvents.RecordAsync(userId, SecurityActions.IdentityLinked, SecurityOutcomes.Refused, problem, context.HttpContext.RequestAborted);
        }

        context.Response.Redirect(ProblemUrl(context.HttpContext, problem));
        context.HandleResponse();
    }

    private static string ProblemUrl(HttpContext httpContext, string problem) =>
        $"{httpContext.Request.PathBase}{LinkAuthentication.ListPath}?problem={Uri.EscapeDataString(problem)}";

    [LoggerMessage(EventId = 1711, Level = LogLevel.Information, Message = "Second account for a link to {Connection} signed in; waiting for confirmation")]
    private static partial void LogCandidateReady(ILogger logger, string connection);

    [LoggerMessage(EventId = 1712, Level = LogLevel.Warning, Message = "Second sign-in for a link failed: {Problem} ({Detail})")]
    private static partial void LogLinkSignInFailed(ILogger logger, string problem, string detail);
}
