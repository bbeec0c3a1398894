using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Web.Authentication;

namespace Profiles.Web.Pages.Account;

/// <summary>Starts the Auth0 sign-in; afterwards the user lands on <paramref name="returnUrl"/> if it is local.</summary>
public sealed class LoginModel : PageModel
{
    public IActionResult OnGet(string? returnUrl) => Start(returnUrl);

    public IActionResult OnPost(string? returnUrl) => Start(returnUrl);

    private ChallengeResult Start(string? returnUrl)
    {
        var target = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Content("~/");
        return Challenge(new AuthenticationProperties { RedirectUri = target }, PortalSignIn.Scheme);
    }
}
