using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;

namespace Profiles.Web.Pages;

/// <summary>The account overview for a signed-in user; the welcome page otherwise.</summary>
public sealed class IndexModel(
    IProfileService profiles,
    ICurrentUser currentUser,
    AppMetadataPresenter appMetadata,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public UserProfile? Profile { get; private set; }

    /// <summary>The operator-declared <c>app_metadata</c> values, formatted for the UI language.</summary>
    public IReadOnlyList<AppMetadataItem> AppMetadataItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            return Page();
        }

        Profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(Profile.UserMetadata);
        AppMetadataItems = appMetadata.Present(Profile, CultureInfo.CurrentUICulture, localizer["Common.Yes"], localizer["Common.No"]);
        return Page();
    }
}
