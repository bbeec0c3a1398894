using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Data;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Data;

/// <summary>"Your data": download a JSON copy (POST only, recent sign-in, throttled) and the way to account deletion.</summary>
[RequireRecentSignIn]
public sealed class IndexModel(
    IDataExportService export,
    IAccountDeletionService deletion,
    ICurrentUser currentUser,
    IOptions<DataExportOptions> exportOptions,
    IStringLocalizer<DataResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public string? FormError => this.FormError();

    public int CooldownMinutes => exportOptions.Value.CooldownMinutes;

    public TimeSpan ExportWait { get; private set; }

    public DeletionRequestInfo? OpenDeletion { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        var result = await export.ExportAsync(currentUser.UserId, CultureInfo.CurrentUICulture, cancellationToken);
        if (this.ApplyResult(result, (code, failure, _) => code == DataExportCodes.Throttled
            ? localizer["Data.ExportWait", Minutes(failure.RetryAfter ?? TimeSpan.Zero)]
            : localizer["Data.ExportUnavailable"]))
        {
            Response.Headers.CacheControl = "no-store";
            return File(result.Value!.Content, "application/json", result.Value.FileName);
        }

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
