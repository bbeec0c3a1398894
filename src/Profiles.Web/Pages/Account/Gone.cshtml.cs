using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Profiles.Web.Pages.Account;

/// <summary>Where a user lands when their account was deleted while they were signed in (the session has already ended).</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class GoneModel : PageModel
{
    public void OnGet()
    {
    }
}
