using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Profiles.Core.Settings;
using Profiles.Web.Authentication;

namespace Profiles.Web.Pages.Account;

/// <summary>
/// Sign-out: a POST clears the portal cookie, then Auth0's session. The antiforgery token is checked while the user is
/// signed in; once the portal session has expired the token (bound to that user) can no longer match, and refusing would
/// leave the Auth0 session alive behind a bare 400 — so an anonymous sign-out goes straight on to Auth0's logout, which
/// changes nothing of the portal's.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class LogoutModel(IOptions<Auth0Options> options, IAntiforgery antiforgery) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return BadRequest();
            }

            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        var settings = options.Value;
        var returnTo = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/";
        return Redirect(Auth0LogoutUrl.Build(settings.Authority, settings.ClientId, returnTo));
    }
}
