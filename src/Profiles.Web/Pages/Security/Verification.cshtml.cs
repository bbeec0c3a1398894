using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Email;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Email;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Security;

/// <summary>Target of the verification banner's "Resend" button (on every page). No recent sign-in: resending only mails the
/// account's own address. Its "I've verified, check again" button reads the profile from Auth0 now instead of the cache. The
/// answer is shown on the email page.</summary>
public sealed class VerificationModel(IVerificationEmailService verification, IProfileService profiles, ICurrentUser currentUser,
    IStringLocalizer<EmailResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public IActionResult OnGet() => RedirectToPage("/Security/Email");

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var result = await verification.ResendAsync(currentUser.UserId, cancellationToken);
        var message = result.Describe(EmailResultText.ForVerification(localizer));
        if (result.Succeeded || result.Code == VerificationEmailCodes.AlreadyVerified)
        {
            StatusMessage = message;
        }
        else
        {
            ErrorMessage = message;
        }

        return RedirectToPage("/Security/Email");
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        var profile = await profiles.RefreshProfileAsync(currentUser.UserId, cancellationToken);
        if (profile.EmailVerified)
        {
            StatusMessage = localizer["Verification.NowVerified"];
        }
        else
        {
            ErrorMessage = localizer["Verification.StillUnverified"];
        }

        return RedirectToPage("/Security/Email");
    }
}
