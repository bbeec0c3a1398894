using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Account;
using Profiles.Web.AccountEmail;
using Profiles.Web.Authentication;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Security;

/// <summary>Target of the verification banner's "Resend" button (on every page). No recent sign-in: resending only mails the
/// account's own address. The answer is shown on the email page.</summary>
public sealed class VerificationModel(IVerificationEmailService verification, ICurrentUser currentUser, IStringLocalizer<EmailResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public IActionResult OnGet() => RedirectToPage("/Security/Email");

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        var result = await verification.ResendAsync(currentUser.UserId, cancellationToken);
        var message = EmailResultText.For(localizer, result);
        if (result.Outcome is VerificationEmailOutcome.Sent or VerificationEmailOutcome.AlreadyVerified)
        {
            StatusMessage = message;
        }
        else
        {
            ErrorMessage = message;
        }

        return RedirectToPage("/Security/Email");
    }
}
