using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Consent;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;
using Profiles.Web.Terms;

namespace Profiles.Web.Pages;

/// <summary>"Privacy and consent": the consents the user gives now (each with a withdraw button), their history, and the
/// operator's privacy notice.</summary>
public sealed class PrivacyModel(
    IConsentService consents,
    IProfileService profiles,
    ICurrentUser currentUser,
    IOptions<PrivacyOptions> privacy,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public string? FormError => this.FormError();

    public ConsentOverview Overview { get; private set; } = new([], []);

    public UserProfile? Profile { get; private set; }

    public string? NoticeUrl => LocalizedText.Pick(privacy.Value.NoticeUrl, CultureInfo.CurrentUICulture);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(string field, CancellationToken cancellationToken)
    {
        var result = await consents.WithdrawAsync(currentUser.UserId, field ?? "", cancellationToken);
        if (this.ApplyResult(result, ErrorMessages.For(localizer)))
        {
            StatusMessage = result.Code == ProfileSuccessCodes.NothingChanged ? "Status.NothingChanged" : "Status.ConsentWithdrawn";
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(string field, CancellationToken cancellationToken)
    {
        var result = await consents.RenewAsync(currentUser.UserId, field ?? "", cancellationToken);
        if (this.ApplyResult(result, ErrorMessages.For(localizer)))
        {
            StatusMessage = result.Code == ProfileSuccessCodes.NothingChanged ? "Status.NothingChanged" : "Status.ConsentRenewed";
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The declared label of a preference key in the history (the key itself when it is no longer declared).</summary>
    public string LabelOf(string fieldKey) =>
        Overview.Current.FirstOrDefault(c => c.Field.Key == fieldKey)?.Field.GetLabel(CultureInfo.CurrentUICulture) ?? fieldKey;

    public string When(DateTimeOffset instant) => UserClock.Format(instant, Profile?.UserMetadata ?? []);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(Profile.UserMetadata);
        Overview = await consents.GetOverviewAsync(Profile, cancellationToken);
    }
}
