using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Authenticators;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Authenticators;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Security;

/// <summary>Two-step verification and passkeys: every method the user has; rename, remove, add, the recovery code and
/// remembered browsers. Every change needs a recent sign-in. Opening the page first gets the user a My Account API token
/// (once per sign-in) unless the operator turned that API off.</summary>
[RequireRecentSignIn]
public sealed class AuthenticatorsModel(
    IAuthenticatorsService authenticators,
    MyAccountTokenChallenge tokenChallenge,
    IProfileService profiles,
    ICurrentUser currentUser,
    IStringLocalizer<AuthenticatorsResource> localizer) : PageModel
{
    public const string PagePath = "/security/authenticators";

    [TempData(Key = "Authenticators.Status")]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public AuthenticatorList Methods { get; private set; } = new([], AuthenticatorSource.Management);

    /// <summary>For times in the user's time zone; null when the profile could not be read.</summary>
    public UserProfile? Profile { get; private set; }

    /// <summary>The new recovery code, shown on this response only (never kept in TempData, a cookie).</summary>
    public string? NewRecoveryCode { get; private set; }

    /// <summary>Which method a rename failed for, so its error shows next to its field.</summary>
    public string? RenameFailedFor { get; private set; }

    /// <summary>Which kind an add failed for, so its error shows next to its field.</summary>
    public EnrollableFactor? AddFailedFor { get; private set; }

    public string? FormError => this.FormError();

    public async Task<IActionResult> OnGetAsync(string? myaccount, CancellationToken cancellationToken)
    {
        if (myaccount == MyAccountTokenChallenge.RefusedValue)
        {
            await authenticators.MyAccountRefusedAsync(Viewer(), cancellationToken);
        }
        else if (myaccount is null && await authenticators.NeedsTokenAsync(Viewer(), cancellationToken))
        {
            return Challenge(tokenChallenge.Create(currentUser.UserId, Request.PathBase + PagePath), PortalSignIn.Scheme);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(string methodId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(methodId))
        {
            return RedirectToPage();
        }

        var result = await authenticators.RenameAsync(Viewer(), methodId, Input.Name, cancellationToken);
        RenameFailedFor = result.Succeeded ? null : methodId;
        return await FinishAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string methodId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(methodId)
            ? RedirectToPage()
            : await FinishAsync(await authenticators.RemoveAsync(Viewer(), methodId, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(EnrollableFactor factor, CancellationToken cancellationToken)
    {
        var result = await authenticators.StartEnrollmentAsync(Viewer(), factor, Input.Contact, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage("/Security/AddAuthenticator");
        }

        if (result.Code == AuthenticatorsCodes.TokenNeeded)
        {
            return RedirectToPage();
        }

        AddFailedFor = factor;
        return await FinishAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostTicketAsync(EnrollableFactor factor, CancellationToken cancellationToken)
    {
        var result = await authenticators.CreateEnrollmentTicketAsync(Viewer(), factor, cancellationToken);
        return result.Succeeded ? Redirect(result.Value!) : await FinishAsync(result, cancellationToken);
    }

    public async Task<IActionResult> OnPostRecoveryCodeAsync(CancellationToken cancellationToken) =>
        await ShowRecoveryCodeAsync(await authenticators.RegenerateRecoveryCodeAsync(Viewer(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAddRecoveryCodeAsync(CancellationToken cancellationToken) =>
        await ShowRecoveryCodeAsync(await authenticators.AddRecoveryCodeAsync(Viewer(), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostForgetBrowsersAsync(CancellationToken cancellationToken) =>
        await FinishAsync(await authenticators.ForgetRememberedBrowsersAsync(Viewer(), cancellationToken), cancellationToken);

    /// <summary>The code goes on this response only; a failure is shown like any other.</summary>
    private async Task<IActionResult> ShowRecoveryCodeAsync(Core.Results.ServiceResult<string> result, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return await FinishAsync(result, cancellationToken);
        }

        NewRecoveryCode = result.Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> FinishAsync(Core.Results.ServiceResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            StatusMessage = "Status." + result.Code;
            return RedirectToPage();
        }

        this.ApplyResult(result, AuthenticatorMessages.For(localizer));
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = await authenticators.ListAsync(Viewer(), cancellationToken);
        if (this.ApplyResult(result, AuthenticatorMessages.For(localizer)))
        {
            Methods = result.Value!;
        }

        Profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
    }

    private AuthenticatorViewer Viewer() => new(currentUser.UserId, currentUser.Auth0SessionId);

    public sealed class InputModel
    {
        [StringLength(AuthenticatorsService.MaxNameLength)]
        public string? Name { get; set; }

        [StringLength(254)]
        public string? Contact { get; set; }
    }
}
