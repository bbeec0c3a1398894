using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Data;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Data;

/// <summary>"Delete my account": consequences, the export offered first, a typed confirmation, then the request (scheduled
/// after the grace period, or carried out at once with sign-out and the goodbye page).</summary>
[RequireRecentSignIn]
public sealed class DeleteModel(
    IAccountDeletionService deletion,
    IProfileService profiles,
    ICurrentUser currentUser,
    IPublicUrls publicUrls,
    IStringLocalizer<DataResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? FormError => this.FormError();

    public string? ConfirmationError => this.ErrorFor($"{nameof(Input)}.{nameof(InputModel.Confirmation)}");

    public int GracePeriodDays => deletion.GracePeriodDays;

    public string ConfirmationWord => localizer["Delete.ConfirmWord"];

    public IReadOnlyList<LinkedIdentity> LinkedIdentities { get; private set; } = [];

    public DeletionRequestInfo? OpenDeletion { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The word is in the user's language (they read the instruction in it); case and surrounding spaces do not matter.
        var confirmed = string.Equals(Input.Confirmation?.Trim(), ConfirmationWord, StringComparison.OrdinalIgnoreCase);
        // The link goes into an email: built from the configured public origin, never from the request's Host header.
        var cancelPage = publicUrls.For(Url.Page("/Data/CancelDeletion")!);
        var result = await deletion.RequestAsync(currentUser.UserId, confirmed, cancelPage, cancellationToken);
        if (!this.ApplyResult(result, (code, _, _) => code == DeletionRequestCodes.NotConfirmed
            ? localizer["Delete.ConfirmMismatch", ConfirmationWord]
            : localizer["Delete.Unavailable"]))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (result.Code == DeletionRequestCodes.Deleted)
        {
            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return RedirectToPage("/Data/Goodbye");
        }

        TempData["StatusMessage"] = result.Code switch
        {
            DeletionRequestCodes.AlreadyScheduled => localizer["Status.DeletionAlreadyScheduled"].Value,
            DeletionRequestCodes.DeletionDeferred => localizer["Status.DeletionDeferred"].Value,
            _ => localizer["Status.DeletionScheduled", GracePeriodDays].Value,
        };
        return RedirectToPage("/Data/Index");
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
