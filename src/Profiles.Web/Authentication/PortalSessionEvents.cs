using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Authentication;

/// <summary>
/// Caps a session's life from the moment of sign-in (ASVS 7.3.2): the sliding cookie alone would live for as long as the
/// user keeps using it. The sign-in time is kept in the ticket's protected properties, which sliding renewals carry over;
/// the ID token's <c>auth_time</c> is not used, as Auth0's single sign-on can hand back an old one and loop.
/// </summary>
public sealed class PortalSessionEvents(TimeProvider timeProvider, IOptions<SessionOptions> options) : CookieAuthenticationEvents
{
    internal const string SignedInAtKey = ".profiles.signed_in_at";

    public override Task SigningIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Properties.Items.TryAdd(SignedInAtKey, timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
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
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        await base.ValidatePrincipal(context);
    }
}
