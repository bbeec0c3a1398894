using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Profiles.Core.Activity;
using Profiles.Core.SignInMethods;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;

namespace Profiles.Web.SignInMethods;

/// <summary>
/// The second authorization of linking, on the same handler and Auth0 rules as the sign-in: the ID token is validated by the
/// handler, <c>auth_time</c> must be fresh (<c>max_age=0</c>, not older than the request), and the portal user who started it
/// must still be signed in. The result is only a candidate in its own cookie; nothing is linked here.
/// </summary>
public sealed partial class LinkSignInEvents(
    IPublicUrls publicUrls,
    TimeProvider timeProvider,
    IOptions<SignOutOptions> signOut,
    ISecurityEventLog securityEvents,
    ILogger<LinkSignInEvents> logger) : Auth0OpenIdConnectEvents(publicUrls, timeProvider, signOut)
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.Properties!.Items;
        // A link always asks for a fresh sign-in, whatever the challenge carried.
        items[MaxAgeItem] = "0";
        await base.TokenValidated(context);
        if (context.Result is not null)
        {
            return;
        }

        var token = context.SecurityToken;
        var authTime = AuthTime(token)!.Value;
        if (!items.TryGetValue(LinkAuthentication.RequestedAtItem, out var requestedText) ||
            !long.TryParse(requestedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var requestedAt) ||
            authTime < DateTimeOffset.FromUnixTimeSeconds(requestedAt) - Auth0WebAppAuthenticationExtensions.ClockSkew)
        {
            context.Fail(new IdTokenRejectedException("The second account's auth_time is older than the link request."));
            return;
        }

        // The state is tied to this browser by the correlation cookie; this also ties it to the portal user of this browser.
        var portal = await context.HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        items.TryGetValue(LinkAuthentication.InitiatorItem, out var initiator);
        if (initiator is null || portal.Principal?.FindFirst(PortalClaimTypes.Subject)?.Value != initiator)
        {
            context.Fail(new LinkRefusedException(LinkRefusal.OtherUser));
            return;
        }

        string? Claim(string type) => context.Principal!.FindFirst(type)?.Value;
        var candidate = new LinkCandidate(initiator, token.Subject, Claim(PortalClaimTypes.Email),
            string.Equals(Claim(PortalClaimTypes.EmailVerified), "true", StringComparison.OrdinalIgnoreCase),
            items.TryGetValue(LinkAuthentication.ConnectionItem, out var connection) ? connection ?? "" : "", authTime);
        context.Principal = LinkCandidateCookie.ToPrincipal(candidate);
        foreach (var key in new[] { MaxAgeItem, LinkAuthentication.InitiatorItem, LinkAuthentication.ConnectionItem, LinkAuthentication.RequestedAtItem })
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
            IdTokenRejectedException or SecurityTokenException or OpenIdConnectProtocolException when error.Length == 0 => LinkAuthentication.ProblemInvalidToken,
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
