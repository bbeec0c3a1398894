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
/// </summary>
public sealed class PortalSessionEvents(TimeProvider timeProvider, IOptions<SessionOptions> options, IPortalSessionRevocations revocations)
    : CookieAuthenticationEvents
{
    internal const string SignedInAtKey = ".profiles.signed_in_at";

    public override Task SigningIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Properties.Items.TryAdd(SignedInAtKey, timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == PortalClaimTypes.PortalSessionId))
        {
            identity.AddClaim(new Claim(PortalClaimTypes.PortalSessionId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));
        }

        return base.SigningIn(context);
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

        await base.ValidatePrincipal(context);
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
