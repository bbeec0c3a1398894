using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Authentication;

/// <summary>Reads <c>auth_time</c> from the session's principal (validated when the ID token arrived) and builds the
/// re-authentication challenge (rate-limits-and-security.md 2.2.4).</summary>
public sealed class RecentSignIn(IHttpContextAccessor accessor, ICurrentUser currentUser, TimeProvider timeProvider, IOptions<RecentSignInOptions> options)
    : IRecentSignIn
{
    public TimeSpan Window => TimeSpan.FromSeconds(options.Value.RecentSignInSeconds);

    public DateTimeOffset? AuthenticatedAt =>
        accessor.HttpContext?.User.FindFirst(PortalClaimTypes.AuthTime)?.Value is { } text &&
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public bool IsRecent => Remaining > TimeSpan.Zero;

    public TimeSpan Remaining
    {
        get
        {
            if (AuthenticatedAt is not { } at)
            {
                return TimeSpan.Zero;
            }

            var left = at + Window - timeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public AuthenticationProperties CreateChallenge(string returnUrl, string? reason = null)
    {
        var properties = new AuthenticationProperties { RedirectUri = returnUrl };
        properties.SetParameter("max_age", "0");
        properties.SetParameter("prompt", "login");
        if (accessor.HttpContext?.User.FindFirst(PortalClaimTypes.Email)?.Value is { Length: > 0 } email)
        {
            properties.SetParameter(Auth0OpenIdConnectEvents.LoginHintParameter, email);
        }

        if (!string.IsNullOrEmpty(reason))
        {
            properties.SetParameter(Auth0OpenIdConnectEvents.ReasonParameter, reason);
        }

        properties.Items[PortalSignInEvents.ExpectedSubjectItem] = currentUser.UserId;
        properties.Items[PortalSignInEvents.RequestedAtItem] =
            timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return properties;
    }
}
