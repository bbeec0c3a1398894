using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Profiles;
using Profiles.Core.SignInMethods;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;
using Profiles.Web.SignInMethods;

namespace Profiles.Web.Pages.SignInMethods;

/// <summary>The user's sign-in methods, and "link another one": a second authorization for the chosen connection.</summary>
[RequireRecentSignIn]
public sealed class IndexModel(
    IProfileService profiles,
    ILinkingService linking,
    ICurrentUser currentUser,
    IOptions<LinkingOptions> options,
    TimeProvider timeProvider,
    IStringLocalizer<SignInMethodsResource> localizer,
    IStringLocalizer<SharedResource> sharedText) : PageModel
{
    [BindProperty]
    public LinkInput Input { get; set; } = new();

    [TempData(Key = "Linking.Status")]
    public string? StatusMessage { get; set; }

    [TempData(Key = "Linking.Error")]
    public string? ErrorMessage { get; set; }

    public UserProfile Profile { get; private set; } = null!;

    public IReadOnlyList<LinkableConnection> Connections => options.Value.Connections;

    public string? FormError { get; private set; }

    public string Label(string connection) => ConnectionDisplayName.For(sharedText, options.Value, connection);

    public async Task OnGetAsync(string? problem, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(problem))
        {
            FormError = LinkingMessages.Explain(localizer, problem);
        }

        Profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var result = ModelState.IsValid
            ? await linking.CanStartAsync(userId, Input.Connection!, cancellationToken)
            : LinkRefusal.ToResult(LinkRefusal.UnknownConnection);
        if (!result.Succeeded)
        {
            ErrorMessage = result.Describe(LinkingMessages.For(localizer));
            return RedirectToPage();
        }

        var properties = new AuthenticationProperties { RedirectUri = LinkAuthentication.PreviewPath };
        properties.SetParameter("prompt", "login");
        properties.SetParameter("max_age", "0");
        properties.SetParameter("connection", Input.Connection);
        properties.Items[LinkAuthentication.InitiatorItem] = userId;
        properties.Items[LinkAuthentication.ConnectionItem] = Input.Connection;
        properties.Items[LinkAuthentication.RequestedAtItem] = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Challenge(properties, LinkAuthentication.Scheme);
    }

    public sealed class LinkInput
    {
        [Required]
        public string? Connection { get; set; }
    }
}
