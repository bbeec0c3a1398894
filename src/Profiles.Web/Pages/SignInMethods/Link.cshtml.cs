using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Results;
using Profiles.Core.SignInMethods;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;
using Profiles.Web.SignInMethods;

namespace Profiles.Web.Pages.SignInMethods;

/// <summary>The preview of the account just signed in with, and the confirmation that links it.</summary>
[RequireRecentSignIn]
public sealed class LinkModel(ILinkingService linking, ICurrentUser currentUser, IStringLocalizer<SignInMethodsResource> localizer) : PageModel
{
    [TempData(Key = "Linking.Status")]
    public string? StatusMessage { get; set; }

    [TempData(Key = "Linking.Error")]
    public string? ErrorMessage { get; set; }

    public LinkPreview Preview { get; private set; } = null!;

    public string? FormError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var candidate = await LinkCandidateCookie.ReadAsync(HttpContext);
        if (candidate is null)
        {
            ErrorMessage = LinkingMessages.Explain(localizer, LinkRefusal.CandidateExpired);
            return RedirectToPage("Index");
        }

        var result = await linking.PreviewAsync(currentUser.UserId, candidate, cancellationToken);
        if (!result.Succeeded)
        {
            return await RefusedAsync(result);
        }

        Preview = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var candidate = await LinkCandidateCookie.ReadAsync(HttpContext);
        if (candidate is null)
        {
            ErrorMessage = LinkingMessages.Explain(localizer, LinkRefusal.CandidateExpired);
            return RedirectToPage("Index");
        }

        var result = await linking.LinkAsync(currentUser.UserId, candidate, cancellationToken);
        if (!result.Succeeded)
        {
            return await RefusedAsync(result);
        }

        await LinkCandidateCookie.ClearAsync(HttpContext);
        StatusMessage = localizer["Status.Linked", result.Value!.ConnectionLabel];
        return RedirectToPage("Index");
    }

    /// <summary>A temporary failure keeps the candidate for another try; a refusal drops it.</summary>
    private async Task<IActionResult> RefusedAsync(ServiceResult result)
    {
        ErrorMessage = result.Describe(LinkingMessages.For(localizer));
        if (result.IsTemporary)
        {
            return RedirectToPage("Index");
        }

        await LinkCandidateCookie.ClearAsync(HttpContext);
        return RedirectToPage("Index");
    }
}
