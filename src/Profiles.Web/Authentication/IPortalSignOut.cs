using Microsoft.AspNetCore.Authentication;

namespace Profiles.Web.Authentication;

/// <summary>Ends the portal session of this browser on the server and in the cookie.</summary>
public interface IPortalSignOut
{
    /// <summary>Records the current session as ended (a copied cookie is refused from now on, other devices keep theirs),
    /// clears the session and link-candidate cookies, and returns the properties for the Auth0 sign-out.</summary>
    Task<AuthenticationProperties> SignOutAsync(HttpContext httpContext, CancellationToken cancellationToken);
}
