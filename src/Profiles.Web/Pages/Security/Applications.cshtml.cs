using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Applications;
using Profiles.Core.Profiles;
using Profiles.Web.Applications;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Security;

/// <summary>The applications the user granted access to, and "Remove access" for one of them. The client id comes from the form
/// but only filters the signed-in user's own grants and tokens (the service looks them up by the principal's id).</summary>
[RequireRecentSignIn]
public sealed class ApplicationsModel(
    IApplicationsService applications,
    IProfileService profiles,
    ICurrentUser currentUser,
    IStringLocalizer<ApplicationsResource> localizer) : PageModel
{
    [BindProperty]
    public string? ClientId { get; set; }

    [TempData(Key = "Applications.Status")]
    public string? StatusMessage { get; set; }

    [TempData(Key = "Applications.Error")]
    public string? ErrorMessage { get; set; }

    public ConnectedApplications? Connected { get; private set; }

    public UserProfile? Profile { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await applications.ListAsync(currentUser.UserId, cancellationToken);
        Connected = result.Value;
        if (!result.Succeeded)
        {
            ErrorMessage ??= result.Describe(ApplicationsResultText.For(localizer));
        }

        Profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        var result = await applications.RemoveAsync(currentUser.UserId, ClientId ?? "", cancellationToken);
        var message = result.Describe(ApplicationsResultText.For(localizer));
        if (result.Succeeded)
        {
            StatusMessage = message;
        }
        else
        {
            ErrorMessage = message;
        }

        return RedirectToPage();
    }
}
