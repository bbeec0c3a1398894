using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Profiles;
using Profiles.Core.SignInMethods;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.SignInMethods;

/// <summary>Confirms and performs the unlinking of one secondary sign-in method. The identity comes from the form but is only
/// ever looked up among the signed-in user's own identities.</summary>
[RequireRecentSignIn]
public sealed class UnlinkModel(
    IProfileService profiles,
    ILinkingService linking,
    ICurrentUser currentUser,
    IOptions<LinkingOptions> options,
    IStringLocalizer<SignInMethodsResource> localizer,
    IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public UnlinkInput Input { get; set; } = new();

    [TempData(Key = "Linking.Status")]
    public string? StatusMessage { get; set; }

    [TempData(Key = "Linking.Error")]
    public string? ErrorMessage { get; set; }

    public UserProfile Profile { get; private set; } = null!;

    /// <summary>Looked up when the page renders, after a resumed form has been restored.</summary>
    public LinkedIdentity? Selected => Profile.Identities.FirstOrDefault(i =>
        i.Provider == Input.Provider && i.UserId == Input.Id);

    public string Label(string connection) => ConnectionDisplayName.For(sharedText, options.Value, connection);

    public async Task OnGetAsync(string? provider, string? id, CancellationToken cancellationToken)
    {
        Input = new UnlinkInput { Provider = provider, Id = id };
        Profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid
            ? await linking.UnlinkAsync(currentUser.UserId, Input.Provider!, Input.Id!, cancellationToken)
            : LinkRefusal.ToResult(LinkRefusal.NotLinked);
        if (!result.Succeeded)
        {
            ErrorMessage = result.Describe(LinkingMessages.For(localizer));
            return RedirectToPage("Index");
        }

        StatusMessage = localizer["Status.Unlinked"];
        return RedirectToPage("Index");
    }

    public sealed class UnlinkInput
    {
        [Required]
        public string? Provider { get; set; }

        [Required]
        public string? Id { get; set; }
    }
}
