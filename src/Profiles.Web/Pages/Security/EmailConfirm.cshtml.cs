using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Email;
using Profiles.Core.Results;
using Profiles.Web.Authentication;
using Profiles.Web.Email;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Security;

/// <summary>Enter the code sent to the new address, or cancel the pending change. No recent sign-in here: the change was
/// asked for with one, and the code itself is the proof this step needs.</summary>
public sealed class EmailConfirmModel(IEmailChangeService emailChanges, ICurrentUser currentUser, IStringLocalizer<EmailResource> localizer,
    TimeProvider timeProvider) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public string? FormError => this.FormError();

    public PendingEmailChange Pending { get; private set; } = null!;

    /// <summary>Whole minutes until the code expires, rounded up.</summary>
    public int MinutesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var pending = await emailChanges.GetPendingAsync(currentUser.UserId, cancellationToken);
        if (pending is null)
        {
            return RedirectToPage("/Security/Email");
        }

        Pending = pending;
        MinutesLeft = Math.Max(1, (int)Math.Ceiling((pending.ExpiresAt - timeProvider.GetUtcNow()).TotalMinutes));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await emailChanges.ConfirmAsync(currentUser.UserId, Input.Code, cancellationToken);
        var text = EmailResultText.ForEmailChange(localizer);
        if (result.Succeeded)
        {
            StatusMessage = localizer["Status.Changed"];
            return RedirectToPage("/Security/Email");
        }

        if (result.Outcome != ServiceOutcome.FieldError && result.Code != EmailChangeCodes.Unavailable)
        {
            // The pending change is gone (expired, too many attempts, refused by Auth0): say why on the email page.
            ErrorMessage = result.Describe(text);
            return RedirectToPage("/Security/Email");
        }

        this.ApplyResult(result, text);
        return await OnGetAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        var result = await emailChanges.CancelAsync(currentUser.UserId, cancellationToken);
        StatusMessage = result.Describe(EmailResultText.ForEmailChange(localizer));
        return RedirectToPage("/Security/Email");
    }

    public sealed class InputModel
    {
        public string? Code { get; set; }
    }
}
