using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Preferences;

namespace Profiles.Web.Pages;

/// <summary>The account overview for a signed-in user; the welcome page otherwise.</summary>
public sealed class IndexModel(IProfileService profiles, ICurrentUser currentUser, IOptions<AppMetadataDisplayOptions> appMetadata) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public UserProfile? Profile { get; private set; }

    public IReadOnlyList<AppMetadataField> AppMetadataFields => appMetadata.Value.Fields;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            return Page();
        }

        Profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(Profile.UserMetadata);
        return Page();
    }
}
