using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Account;
using Profiles.Web.Authentication;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Data;

/// <summary>"Your data": download a JSON copy (POST only, recent sign-in, throttled) and the way to account deletion.</summary>
[RequireRecentSignIn]
public sealed class IndexModel(
    DataExportService export,
    AccountDeletionService deletion,
    ICurrentUser currentUser,
    IOptions<DataExportOptions> exportOptions,
    IStringLocalizer<DataResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public string? FormError { get; private set; }

    public int CooldownMinutes => exportOptions.Value.CooldownMinutes;

    public TimeSpan ExportWait { get; private set; }

    public DeletionRequestInfo? OpenDeletion { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        var result = await export.ExportAsync(currentUser.UserId, CultureInfo.CurrentUICulture, cancellationToken);
        if (result.Succeeded)
        {
            Response.Headers.CacheControl = "no-store";
            return File(result.Content!, "application/json", result.FileName);
        }

        FormError = result.Outcome == DataExportOutcome.Throttled
            ? localizer["Data.ExportWait", Minutes(result.RetryAfter)]
            : localizer["Data.ExportUnavailable"];
        await LoadAsync(cancellationToken);
        return Page();
    }

    internal static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ExportWait = await export.RemainingCooldownAsync(currentUser.UserId, cancellationToken);
        OpenDeletion = await deletion.FindOpenAsync(currentUser.UserId, cancellationToken);
    }
}
