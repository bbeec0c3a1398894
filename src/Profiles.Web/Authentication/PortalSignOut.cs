using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Profiles.Core.Authenticators;
using Profiles.Core.Security;
using Profiles.Web.SignInMethods;

namespace Profiles.Web.Authentication;

/// <summary>Sign-out through <see cref="IPortalSessionRevocations"/>: the cookie alone would stay valid for anyone holding a
/// copy until its lifetime ran out. Every tab of this browser shares the cookie, so they are all signed out with it. The
/// sign-in's My Account API token and any enrolment in progress go with it.</summary>
public sealed class PortalSignOut(IPortalSessionRevocations revocations, AuthenticatorStateStore authenticatorState, TimeProvider timeProvider,
    IOptions<SessionOptions> options) : IPortalSignOut
{
    public async Task<AuthenticationProperties> SignOutAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var user = httpContext.User;
        var userId = user.FindFirst(PortalClaimTypes.Subject)?.Value;
        var sessionId = user.FindFirst(PortalClaimTypes.PortalSessionId)?.Value;
        if (userId is not null && sessionId is not null)
        {
            // No cookie of this session outlives its absolute lifetime, so the record is not needed past that.
            var forgetAfter = timeProvider.GetUtcNow() + TimeSpan.FromHours(options.Value.AbsoluteLifetimeHours);
            await revocations.EndSessionAsync(userId, sessionId, forgetAfter, cancellationToken);
        }

        if (userId is not null)
        {
            var viewer = new AuthenticatorViewer(userId, user.FindFirst(PortalClaimTypes.SessionId)?.Value);
            await authenticatorState.ForgetTokenAsync(viewer, cancellationToken);
            await authenticatorState.ForgetEnrollmentAsync(viewer, cancellationToken);
        }

        var properties = new AuthenticationProperties();
        if (user.FindFirst(PortalClaimTypes.SessionId)?.Value is { } auth0SessionId)
        {
            properties.SetParameter(Auth0OpenIdConnectEvents.LogoutHintParameter, auth0SessionId);
        }

        await httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await LinkCandidateCookie.ClearAsync(httpContext);
        return properties;
    }
}
