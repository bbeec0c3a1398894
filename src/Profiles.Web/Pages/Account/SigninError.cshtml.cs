using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Web.Authentication;

namespace Profiles.Web.Pages.Account;

/// <summary>Explains a failed sign-in in plain language and what to do next. Only known reasons are shown.</summary>
public sealed class SigninErrorModel : PageModel
{
    public string Reason { get; private set; } = SignInErrorReason.Failed;

    public void OnGet([FromQuery] string? reason) =>
        Reason = reason is not null && SignInErrorReason.All.Contains(reason) ? reason : SignInErrorReason.Failed;
}
