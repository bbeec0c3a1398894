using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Profiles.Core.Security;
using System.Security.Claims;
using System.Security.Cryptography;

namespace Profiles.Web.Authentication;

/// <summary>
/// Caps a session's life from the moment of sign-in (ASVS 7.3.2): the sliding cookie alone would live for as long as the
/// user keeps using it. The sign-in time is kept in the ticket's protected properties, which sliding renewals carry over;
/// the ID token's <c>auth_time</c> is not used, as Auth0's single sign-on can hand back an old one and loop.
/// Each session also gets a random id (claim <see cref="PortalClaimTypes.PortalSessionId"/>) so that "end my other sessions"
/// (after a password change, or a deletion) can end every session but the current one, checked on every request.
/// Each session is also recorded for the devices page (<see cref="IPortalSessions"/>): at sign-in, and its last use at most
/// every few minutes (served from the cache in between, so a signed-in page view costs no database query).
/// </summary>
public sealed class PortalSessionEvents(TimeProvider timeProvider, IOptions<SessionOptions> options, IPortalSessionRevocations revocations,
    IPortalSessions portalSessions) : CookieAuthenticationEvents
{
    internal const string SignedInAtKey = ".profiles.signed_in_at";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = timeProvider.GetUtcNow();
        context.Properties.Items.TryAdd(SignedInAtKey, now.ToString("O", CultureInfo.InvariantCulture));
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == PortalClaimTypes.PortalSessionId))
        {
            var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            identity.AddClaim(new Claim(PortalClaimTypes.PortalSessionId, sessionId));
            if (identity.FindFirst(PortalClaimTypes.Subject)?.Value is { } userId)
            {
                var request = context.HttpContext;
                await portalSessions.StartAsync(new PortalSessionStart(userId, sessionId, identity.FindFirst(PortalClaimTypes.SessionId)?.Value,
                    request.Request.Headers.UserAgent.ToString(), request.Connection.RemoteIpAddress?.ToString(), ExpiresAt(now, now),
                    PreviousSessionId(context, userId)), request.RequestAborted);
            }
        }

        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signedInAt = context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : (DateTimeOffset?)null;
        if (signedInAt is null || timeProvider.GetUtcNow() - signedInAt.Value > TimeSpan.FromHours(options.Value.AbsoluteLifetimeHours))
        {
            await EndAsync(context);
            return;
        }

        var userId = context.Principal?.FindFirst(PortalClaimTypes.Subject)?.Value;
        var sessionId = context.Principal?.FindFirst(PortalClaimTypes.PortalSessionId)?.Value;
        var auth0SessionId = context.Principal?.FindFirst(PortalClaimTypes.SessionId)?.Value;
        if (userId is null ||
            await revocations.IsRevokedAsync(userId, sessionId, signedInAt.Value, context.HttpContext.RequestAborted) ||
            // Signed out from another device's devices page, which knows this browser only by its Auth0 session.
            (!string.IsNullOrEmpty(auth0SessionId) &&
             await revocations.IsEndedAsync(Auth0SessionKeys.For(auth0SessionId), context.HttpContext.RequestAborted)))
        {
            await EndAsync(context);
            return;
        }

        if (sessionId is not null)
        {
            await portalSessions.SeenAsync(sessionId, context.HttpContext.Connection.RemoteIpAddress,
                ExpiresAt(signedInAt.Value, timeProvider.GetUtcNow()), context.HttpContext.RequestAborted);
        }

        await base.ValidatePrincipal(context);
    }

    /// <summary>When a session used at <paramref name="usedAt"/> ends unless used again: the idle lifetime (plus the interval its
    /// last use may be behind by), capped by the absolute one.</summary>
    private DateTimeOffset ExpiresAt(DateTimeOffset signedInAt, DateTimeOffset usedAt)
    {
        var idleEnd = usedAt + TimeSpan.FromMinutes(options.Value.LifetimeMinutes) + PortalSessions.SeenInterval;
        var absoluteEnd = signedInAt + TimeSpan.FromHours(options.Value.AbsoluteLifetimeHours);
        return idleEnd < absoluteEnd ? idleEnd : absoluteEnd;
    }

    /// <summary>The portal session this browser's cookie held for the same user before this sign-in (a re-authentication), whose
    /// row the new one replaces.</summary>
    private static string? PreviousSessionId(CookieSigningInContext context, string userId)
    {
        var cookie = context.Options.CookieManager.GetRequestCookie(context.HttpContext, context.Options.Cookie.Name!);
        var previous = string.IsNullOrEmpty(cookie) ? null : context.Options.TicketDataFormat.Unprotect(cookie)?.Principal;
        return previous?.FindFirst(PortalClaimTypes.Subject)?.Value == userId
            ? previous.FindFirst(PortalClaimTypes.PortalSessionId)?.Value
            : null;
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
