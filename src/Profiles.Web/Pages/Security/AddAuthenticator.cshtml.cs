using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Authenticators;
using Profiles.Web.Authentication;
using Profiles.Web.Authenticators;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Security;

/// <summary>Finishing the method the user started adding: the QR code and key of an authenticator app, the code sent to a
/// phone or address, or the browser's passkey ceremony. Attempts are limited; a finished or abandoned enrolment returns to the
/// list.</summary>
[RequireRecentSignIn]
public sealed class AddAuthenticatorModel(
    IAuthenticatorsService authenticators,
    ICurrentUser currentUser,
    IStringLocalizer<AuthenticatorsResource> localizer) : PageModel
{
    [TempData(Key = "Authenticators.Status")]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PendingEnrollment Pending { get; private set; } = null!;

    /// <summary>The authenticator app's QR code as a PNG data URI.</summary>
    public string? QrCode => Pending.BarcodeUri is { Length: > 0 } uri ? QrCodeImage.DataUri(uri) : null;

    public string? CodeError => this.ErrorFor("Input.Code");

    public string? FormError => this.FormError();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : RedirectToPage("/Security/Authenticators");

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken) =>
        await FinishAsync(await authenticators.VerifyEnrollmentAsync(Viewer(), Input.Code, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken cancellationToken) =>
        await FinishAsync(await authenticators.VerifyPasskeyAsync(Viewer(), Input.Attestation, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        await authenticators.CancelEnrollmentAsync(Viewer(), cancellationToken);
        return RedirectToPage("/Security/Authenticators");
    }

    private async Task<IActionResult> FinishAsync(Core.Results.ServiceResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded || result.Code is AuthenticatorsCodes.EnrollmentEnded or AuthenticatorsCodes.TokenNeeded)
        {
            StatusMessage = (result.Succeeded ? "Status." : "Error.") + result.Code;
            return RedirectToPage("/Security/Authenticators");
        }

        this.ApplyResult(result, AuthenticatorMessages.For(localizer));
        return await LoadAsync(cancellationToken) ? Page() : RedirectToPage("/Security/Authenticators");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await authenticators.FindEnrollmentAsync(Viewer(), cancellationToken) is not { } pending)
        {
            return false;
        }

        Pending = pending;
        return true;
    }

    private AuthenticatorViewer Viewer() => new(currentUser.UserId, currentUser.Auth0SessionId);

    public sealed class InputModel
    {
        [StringLength(16)]
        public string? Code { get; set; }

        /// <summary>The browser's WebAuthn attestation response, as JSON.</summary>
        [StringLength(65536)]
        public string? Attestation { get; set; }
    }
}
