using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Password;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Security;

/// <summary>
/// Change the password (recent sign-in required for every POST here), or ask for a reset link, which posts to
/// <see cref="PasswordResetLinkModel"/>: a link only proves control of the mailbox, so it needs no fresh sign-in.
/// </summary>
[RequireRecentSignIn]
public sealed class PasswordModel(
    IPasswordService passwords,
    ICurrentUser currentUser,
    IOptions<PasswordOptions> options,
    IStringLocalizer<PasswordResource> localizer) : PageModel
{
    internal const string StatusKey = "Password.Status";
    internal const string ResetErrorKey = "Password.ResetError";

    /// <summary>The typed passwords: bound for the POST only, never rendered back, kept or logged.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData(Key = StatusKey)]
    public string? StatusMessage { get; set; }

    [TempData(Key = ResetErrorKey)]
    public string? ResetError { get; set; }

    public PasswordAccount Account { get; private set; } = new(false, TimeSpan.Zero, null, []);

    public string? Email { get; private set; }

    public string? FormError => this.FormError();

    public string? PasswordError => this.ErrorFor($"{nameof(Input)}.{nameof(InputModel.NewPassword)}");

    public string? ConfirmError => this.ErrorFor($"{nameof(Input)}.{nameof(InputModel.ConfirmPassword)}");

    /// <summary>The policy's rules; after a refusal for weakness, with what the typed password missed.</summary>
    public IReadOnlyList<PasswordRule> Rules { get; private set; } = [];

    public bool RulesChecked { get; private set; }

    public int ResetWaitSeconds => (int)Math.Ceiling(Account.ResetLinkWait.TotalSeconds);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken cancellationToken)
    {
        var result = await passwords.ChangePasswordAsync(currentUser.UserId, currentUser.PortalSessionId, Input.NewPassword, Input.ConfirmPassword, cancellationToken);
        Input = new InputModel();
        ModelState.Clear();
        if (result.Succeeded)
        {
            StatusMessage = "Password.Changed";
            return RedirectToPage();
        }

        this.ApplyResult(result, (code, failure, _) => localizer["Error." + code, Seconds(failure.RetryAfter)].Value);
        if (result.Value is { Count: > 0 } rules)
        {
            Rules = rules;
            RulesChecked = true;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Account = await passwords.GetAccountAsync(currentUser.UserId, cancellationToken);
        Email = Account.ResetEmail;
        if (Rules.Count == 0)
        {
            Rules = PasswordPolicy.Evaluate(options.Value, null);
        }
    }

    private static int Seconds(TimeSpan? wait) => wait is { } w ? Math.Max(1, (int)Math.Ceiling(w.TotalSeconds)) : 60;

    public sealed class InputModel
    {
        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }
}
