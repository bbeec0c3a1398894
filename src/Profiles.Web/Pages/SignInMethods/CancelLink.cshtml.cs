using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Web.Localization;
using Profiles.Web.SignInMethods;

namespace Profiles.Web.Pages.SignInMethods;

/// <summary>Drops the pending second account. No recent sign-in needed: it only forgets something.</summary>
public sealed class CancelLinkModel(IStringLocalizer<SignInMethodsResource> localizer) : PageModel
{
    [TempData(Key = "Linking.Status")]
    public string? StatusMessage { get; set; }

    public IActionResult OnGet() => RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await LinkCandidateCookie.ClearAsync(HttpContext);
        StatusMessage = localizer["Status.Cancelled"];
        return RedirectToPage("Index");
    }
}
