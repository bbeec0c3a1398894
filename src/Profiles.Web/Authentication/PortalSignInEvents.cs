using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Profiles.Web.Authenticators;
using Profiles.Web.Hosting;

namespace Profiles.Web.Authentication;

/// <summary>
/// The portal sign-in on top of the Auth0 rules: a re-authentication must bring back the same user, authenticated after the
/// portal asked; the session keeps only the claims the portal uses; Auth0's error redirects and every failure end on the
/// friendly sign-in error page.
/// </summary>
public sealed partial class PortalSignInEvents(IPublicUrls publicUrls, TimeProvider timeProvider, IOptions<SignOutOptions> signOut,
    ITempDataDictionaryFactory tempDataFactory, MyAccountTokenChallenge myAccountToken, ILogger<PortalSignInEvents> logger) : Auth0OpenIdConnectEvents(publicUrls, timeProvider, signOut)
{
    /// <summary>On a re-authentication challenge: the user who must come back (a different account is refused).</summary>
    public const string ExpectedSubjectItem = ".profiles.expected_sub";

    /// <summary>On a re-authentication challenge: when it was sent (UNIX seconds); <c>auth_time</c> must not be older.</summary>
    public const string RequestedAtItem = ".profiles.reauth_requested_at";

    public const string SignInErrorPath = "/account/signin-error";

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await base.TokenValidated(context);
        if (context.Result is not null)
        {
            return;
        }

        var items = context.Properties!.Items;
        try
        {
            CheckReauthentication(items, context.SecurityToken.Subject, AuthTime(context.SecurityToken));
        }
        catch (IdTokenRejectedException rejected)
        {
            context.Fail(rejected);
            return;
        }

        var kept = context.Principal!.Claims.Where(c => PortalClaimTypes.Kept.Contains(c.Type))
            .Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer));
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(kept, context.Scheme.Name, PortalClaimTypes.Name, "role"));
        foreach (var key in new[] { MaxAgeItem, ExpectedSubjectItem, RequestedAtItem })
        {
            items.Remove(key);
        }

        // Only now that the same user is back and freshly authenticated is the form they were submitting handed to the page.
        RecentSignInFilter.HandOver(tempDataFactory, context.HttpContext, items);
        await myAccountToken.KeepAsync(context, items);

        LogSignedIn(logger);
    }

    /// <summary>A re-authentication must bring back the same user, authenticated after the portal asked (record the request
    /// time, check <c>auth_time</c> is later). Failures reach <see cref="RemoteFailure"/> and the session stays as it was.</summary>
    private static void CheckReauthentication(IDictionary<string, string?> items, string subject, DateTimeOffset? authTime)
    {
        if (items.TryGetValue(ExpectedSubjectItem, out var expected) && !string.Equals(expected, subject, StringComparison.Ordinal))
        {
            throw new IdTokenRejectedException(IdTokenRejectedException.OtherAccountMessage);
        }

        if (items.TryGetValue(RequestedAtItem, out var requestedText) &&
            long.TryParse(requestedText, NumberStyles.None, CultureInfo.InvariantCulture, out var requestedAt) &&
            (authTime is not { } at || at < DateTimeOffset.FromUnixTimeSeconds(requestedAt) - Auth0WebAppAuthenticationExtensions.ClockSkew))
        {
            throw new IdTokenRejectedException("A fresh sign-in was asked for but the ID token's auth_time is older than the request.");
        }
    }

    public override Task AccessDenied(AccessDeniedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (MyAccountTokenChallenge.Refused(context.HttpContext, context.Properties))
        {
            context.HandleResponse();
            return Task.CompletedTask;
        }

        RedirectToError(context.HttpContext, SignInErrorReason.AccessDenied);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        var reason = SignInErrorReason.From(query["error"], query["error_description"], context.Failure);
        // Only our own messages are logged verbatim: they are fixed sentences without token or user data.
        var detail = context.Failure is IdTokenRejectedException rejected ? rejected.Message : context.Failure?.GetType().Name ?? "none";
        LogSignInFailed(logger, reason, detail);
        if (MyAccountTokenChallenge.Refused(context.HttpContext, context.Properties))
        {
            context.HandleResponse();
            return Task.CompletedTask;
        }

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
