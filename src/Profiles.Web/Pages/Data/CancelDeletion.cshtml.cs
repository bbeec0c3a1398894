using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Data;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Data;

/// <summary>
/// Cancelling a scheduled deletion. From the emailed link (anonymous: the user may not be signed in), the GET only shows
/// what the link is for and a button; the POST cancels, once (the token is single-use). Signed-in users cancel from the
/// banner (handler <c>Mine</c>), which needs no recent sign-in: keeping an account is never the risky direction.
/// </summary>
public sealed class CancelDeletionModel(IAccountDeletionService deletion, ICurrentUser currentUser, IStringLocalizer<DataResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public DeletionRequestInfo? Pending { get; private set; }

    public string? FormError => this.FormError();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Pending = await deletion.FindByCancelTokenAsync(Token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await deletion.CancelByTokenAsync(Token, cancellationToken);
        if (this.ApplyResult(result, (code, _, _) => code == CancelDeletionCodes.Unavailable
            ? localizer["Status.DeletionCancelUnavailable"]
            : localizer["Cancel.Invalid"]))
        {
            StatusMessage = localizer["Cancel.Done"];
            return RedirectToPage();
        }

        Pending = result.IsTemporary ? await deletion.FindByCancelTokenAsync(Token, cancellationToken) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostMineAsync(CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            return Challenge();
        }

        var result = await deletion.CancelAsync(currentUser.UserId, cancellationToken);
        TempData["StatusMessage"] = result.Describe((code, _, _) => code switch
        {
            CancelDeletionCodes.Cancelled => localizer["Status.DeletionCancelled"].Value,
            CancelDeletionCodes.Unavailable => localizer["Status.DeletionCancelUnavailable"].Value,
            _ => localizer["Status.DeletionNotCancellable"].Value,
        });
        return RedirectToPage("/Data/Index");
    }
}
