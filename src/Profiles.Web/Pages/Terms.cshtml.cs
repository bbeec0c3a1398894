using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Terms;
using Profiles.Web.Authentication;
using Profiles.Web.Preferences;

namespace Profiles.Web.Pages;

/// <summary>The terms interstitial: what changed, Accept, or Decline (sign out; downloading and deleting stay reachable without
/// accepting). The acceptance written to Auth0 holds only the operator's version and the portal's time, never a posted value.</summary>
public sealed class TermsModel(ITermsService terms, IProfileService profiles, ICurrentUser currentUser, IPortalSignOut portalSignOut) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>Where to continue after accepting (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public TermsOptions Current => terms.Current;

    /// <summary>The user's recorded acceptance, if any (of any version).</summary>
    public TermsAcceptance? Accepted { get; private set; }

    public bool NeedsAcceptance { get; private set; }

    /// <summary>When <see cref="Accepted"/> was recorded, in the user's time zone.</summary>
    public string? AcceptedOn { get; private set; }

    public string? Summary => LocalizedText.Pick(Current.Summary, CultureInfo.CurrentUICulture);

    public string? TermsUrl => LocalizedText.Pick(Current.Url, CultureInfo.CurrentUICulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Current.Version))
        {
            return NotFound();
        }

        var profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
        Accepted = TermsAcceptance.ReadFrom(profile.AppMetadata);
        NeedsAcceptance = !string.Equals(Accepted?.Version, Current.Version, StringComparison.Ordinal);
        AcceptedOn = Accepted?.AcceptedAt is { } at ? UserClock.Format(at, profile.UserMetadata) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        var result = await terms.AcceptAsync(currentUser.UserId, cancellationToken);
        if (result.Succeeded)
        {
            if (result.Code == TermsCodes.Accepted)
            {
                StatusMessage = "Status.TermsAccepted";
            }

            return LocalRedirect(SafeReturnUrl);
        }

        StatusMessage = result.Outcome == ServiceOutcome.Unconfirmed ? "Terms.Unconfirmed" : "Terms.Unavailable";
        return RedirectToPage(new { ReturnUrl });
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken)
    {
        await terms.RecordDeclinedAsync(currentUser.UserId, cancellationToken);
        var properties = await portalSignOut.SignOutAsync(HttpContext, cancellationToken);
        return SignOut(properties, PortalSignIn.Scheme);
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith("/terms", StringComparison.OrdinalIgnoreCase)
        ? ReturnUrl
        : "/";
}
