using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;

namespace Profiles.Web.Freshness;

/// <inheritdoc cref="ISessionClaims"/>
public sealed partial class SessionClaims(ILogger<SessionClaims> logger) : ISessionClaims
{
    private static readonly string[] Refreshed = [PortalClaimTypes.Name, PortalClaimTypes.Picture, PortalClaimTypes.Email, PortalClaimTypes.EmailVerified];

    public async Task UpdateAsync(HttpContext httpContext, UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(profile);
        var principal = httpContext.User;
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity ||
            !string.Equals(principal.FindFirst(PortalClaimTypes.Subject)?.Value, profile.UserId, StringComparison.Ordinal))
        {
            return;
        }

        var wanted = Wanted(profile);
        if (wanted.All(w => string.Equals(principal.FindFirst(w.Key)?.Value, w.Value, StringComparison.Ordinal)))
        {
            return;
        }

        var session = await httpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded)
        {
            return;
        }

        var claims = identity.Claims.Where(c => !Refreshed.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer)).ToList();
        claims.AddRange(wanted.Where(w => w.Value is not null).Select(w => new Claim(w.Key, w.Value!)));
        var updated = new ClaimsPrincipal(new ClaimsIdentity(claims, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
        await httpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, updated, session.Properties);
        httpContext.User = updated;
        LogSessionClaimsUpdated(logger);
    }

    private static KeyValuePair<string, string?>[] Wanted(UserProfile profile) =>
    [
        new(PortalClaimTypes.Name, profile.Name),
        new(PortalClaimTypes.Picture, profile.Picture),
        new(PortalClaimTypes.Email, profile.Email),
        new(PortalClaimTypes.EmailVerified, profile.EmailVerified ? "true" : "false"),
    ];

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Session claims updated from the current profile")]
    private static partial void LogSessionClaimsUpdated(ILogger logger);
}
