using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Web.Authentication;

namespace Profiles.Web.Pages.Account;

/// <summary>
/// Sign-out: a POST ends the portal session (on the server too, so a copied cookie is refused), then Auth0's session through
/// the sign-in scheme (<c>/v2/logout</c> or the tenant's end-session endpoint). The antiforgery token is checked while the user
/// is signed in; once the portal session has expired the token (bound to that user) can no longer match, and refusing would
/// leave the Auth0 session alive behind a bare 400 — so an anonymous sign-out goes straight on to Auth0's logout, which
/// changes nothing of the portal's.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class LogoutModel(IPortalSignOut portalSignOut, IAntiforgery antiforgery) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var properties = new AuthenticationProperties();
        if (User.Identity?.IsAuthenticated == true)
        {
            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return BadRequest();
            }

            properties = await portalSignOut.SignOutAsync(HttpContext, cancellationToken);
        }

        return SignOut(properties, PortalSignIn.Scheme);
    }
}
