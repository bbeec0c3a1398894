using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Core.Password;
using Profiles.Web.Authentication;

namespace Profiles.Web.Pages.Security;

/// <summary>
/// "Email me a reset link", on its own page model so that <see cref="RequireRecentSignInAttribute"/> on the password page
/// does not apply: the link only works for whoever controls the mailbox, which is the proof Auth0 relies on. Cooldown and
/// Auth0's 429 come back as a message on the password page.
/// </summary>
public sealed class PasswordResetLinkModel(IPasswordService passwords, ICurrentUser currentUser) : PageModel
{
    [TempData(Key = PasswordModel.StatusKey)]
    public string? StatusMessage { get; set; }

    [TempData(Key = PasswordModel.ResetErrorKey)]
    public string? ResetError { get; set; }

    public IActionResult OnGet() => RedirectToPage("/Security/Password");

    public async Task<IActionResult> OnPostSendResetLinkAsync(CancellationToken cancellationToken)
    {
        var result = await passwords.SendResetLinkAsync(currentUser.UserId, cancellationToken);
        if (result.Succeeded)
        {
            StatusMessage = "Password.Reset.Sent";
        }
        else
        {
            ResetError = result.Code;
        }

        return RedirectToPage("/Security/Password");
    }
}
