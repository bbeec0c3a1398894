using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Email;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Email;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;

namespace Profiles.Web.Pages.Security;

/// <summary>The account's email: whether it is verified, and a change that only takes effect once the new address proved
/// itself with a code (entered on <see cref="EmailConfirmModel"/>).</summary>
[RequireRecentSignIn]
public sealed class EmailModel(
    IProfileService profiles,
    IEmailChangeService emailChanges,
    IVerificationEmailService verification,
    ICurrentUser currentUser,
    IStringLocalizer<EmailResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public string? FormError => this.FormError();

    public UserProfile Profile { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public PendingEmailChange? Pending { get; private set; }

    public TimeSpan VerificationCooldown { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await emailChanges.RequestAsync(currentUser.UserId, Input.NewEmail, cancellationToken);
        if (this.ApplyResult(result, EmailResultText.ForEmailChange(localizer)))
        {
            StatusMessage = localizer["Status.CodeSent"];
            return RedirectToPage("/Security/EmailConfirm");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
        var primary = Profile.Identities.FirstOrDefault(i => i.IsPrimary);
        CanChange = primary is not null && string.Equals(primary.Provider, "auth0", StringComparison.OrdinalIgnoreCase);
        Pending = CanChange ? await emailChanges.GetPendingAsync(currentUser.UserId, cancellationToken) : null;
        VerificationCooldown = Profile.EmailVerified ? TimeSpan.Zero : await verification.CooldownRemainingAsync(currentUser.UserId, cancellationToken);
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(Profile.UserMetadata);
    }

    /// <summary>The address the user wants; deliberately nothing else (the user id comes from the principal).</summary>
    public sealed class InputModel
    {
        public string? NewEmail { get; set; }
    }
}
