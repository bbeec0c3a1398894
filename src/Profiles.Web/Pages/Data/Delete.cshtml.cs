using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Account;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Data;

/// <summary>"Delete my account": consequences, the export offered first, a typed confirmation, then the request (scheduled
/// after the grace period, or carried out at once with sign-out and the goodbye page).</summary>
[RequireRecentSignIn]
public sealed class DeleteModel(
    AccountDeletionService deletion,
    IProfileService profiles,
    ICurrentUser currentUser,
    IStringLocalizer<DataResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? FormError { get; private set; }

    public string? ConfirmationError { get; private set; }

    public int GracePeriodDays => deletion.GracePeriodDays;

    public string ConfirmationWord => localizer["Delete.ConfirmWord"];

    public IReadOnlyList<LinkedIdentity> LinkedIdentities { get; private set; } = [];

    public DeletionRequestInfo? OpenDeletion { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The word is in the user's language (they read the instruction in it); case and surrounding spaces do not matter.
        var confirmed = string.Equals(Input.Confirmation?.Trim(), ConfirmationWord, StringComparison.OrdinalIgnoreCase);
        var cancelPage = new Uri(Url.PageLink("/Data/CancelDeletion")!, UriKind.Absolute);
        var result = await deletion.RequestAsync(currentUser.UserId, confirmed, cancelPage, cancellationToken);
        switch (result.Outcome)
        {
            case DeletionRequestOutcome.Deleted:
                await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return RedirectToPage("/Data/Goodbye");
            case DeletionRequestOutcome.Scheduled:
                TempData["StatusMessage"] = result.Reused
                    ? localizer["Status.DeletionAlreadyScheduled"].Value
                    : localizer["Status.DeletionScheduled", GracePeriodDays].Value;
                return RedirectToPage("/Data/Index");
            case DeletionRequestOutcome.DeletionDeferred:
                TempData["StatusMessage"] = localizer["Status.DeletionDeferred"].Value;
                return RedirectToPage("/Data/Index");
            case DeletionRequestOutcome.NotConfirmed:
                ConfirmationError = localizer["Delete.ConfirmMismatch", ConfirmationWord];
                await LoadAsync(cancellationToken);
                return Page();
            default:
                FormError = localizer["Delete.Unavailable"];
                await LoadAsync(cancellationToken);
                return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        OpenDeletion = await deletion.FindOpenAsync(currentUser.UserId, cancellationToken);
        var profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
        LinkedIdentities = profile.Identities;
    }

    public sealed class InputModel
    {
        public string? Confirmation { get; set; }
    }
}
