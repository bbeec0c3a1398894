using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Account;
using Profiles.Web.Authentication;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Data;

/// <summary>
/// Cancelling a scheduled deletion. From the emailed link (anonymous: the user may not be signed in), the GET only shows
/// what the link is for and a button; the POST cancels, once (the token is single-use). Signed-in users cancel from the
/// banner (handler <c>Mine</c>), which needs no recent sign-in: keeping an account is never the risky direction.
/// </summary>
public sealed class CancelDeletionModel(AccountDeletionService deletion, ICurrentUser currentUser, IStringLocalizer<DataResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public DeletionRequestInfo? Pending { get; private set; }

    public string? FormError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Pending = await deletion.FindByCancelTokenAsync(Token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await deletion.CancelByTokenAsync(Token, cancellationToken);
        if (outcome == CancelDeletionOutcome.Cancelled)
        {
            StatusMessage = localizer["Cancel.Done"];
            return RedirectToPage();
        }

        FormError = outcome == CancelDeletionOutcome.Unavailable ? localizer["Status.DeletionCancelUnavailable"] : localizer["Cancel.Invalid"];
        Pending = outcome == CancelDeletionOutcome.Unavailable ? await deletion.FindByCancelTokenAsync(Token, cancellationToken) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostMineAsync(CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            return Challenge();
        }

        var outcome = await deletion.CancelAsync(currentUser.UserId, cancellationToken);
        TempData["StatusMessage"] = outcome switch
        {
            CancelDeletionOutcome.Cancelled => localizer["Status.DeletionCancelled"].Value,
            CancelDeletionOutcome.Unavailable => localizer["Status.DeletionCancelUnavailable"].Value,
            _ => localizer["Status.DeletionNotCancellable"].Value,
        };
        return RedirectToPage("/Data/Index");
    }
}
