using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Profiles.Web.Authentication;
using Profiles.Core.Settings;

namespace Profiles.Web.Pages.Account;

/// <summary>Sign-out: a POST (antiforgery is checked by Razor Pages) clears the portal cookie, then Auth0's session.</summary>
public sealed class LogoutModel(IOptions<Auth0Options> options) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var settings = options.Value;
        var returnTo = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/";
        return Redirect(Auth0LogoutUrl.Build(settings.Authority, settings.ClientId, returnTo));
    }
}
