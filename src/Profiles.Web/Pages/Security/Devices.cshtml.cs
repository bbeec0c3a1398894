using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Devices;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.Security;

/// <summary>Where the user is signed in; sign out one other device or every other one (recent sign-in required for both).</summary>
[RequireRecentSignIn]
public sealed class DevicesModel(
    IDevicesService devices,
    IProfileService profiles,
    ICurrentUser currentUser,
    IStringLocalizer<DevicesResource> localizer) : PageModel
{
    internal const string StatusKey = "Devices.Status";

    [TempData(Key = StatusKey)]
    public string? StatusMessage { get; set; }

    public DeviceList Devices { get; private set; } = new([], false);

    /// <summary>For times in the user's time zone; null when the profile could not be read.</summary>
    public UserProfile? Profile { get; private set; }

    public string? FormError => this.FormError();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Signs out an Auth0 session (<paramref name="sessionId"/>), or a portal session Auth0 does not list
    /// (<paramref name="portalSessionId"/>).</summary>
    public async Task<IActionResult> OnPostSignOutAsync(string? sessionId, string? portalSessionId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(sessionId))
        {
            return await FinishAsync(await devices.SignOutDeviceAsync(Viewer(), sessionId, cancellationToken), cancellationToken);
        }

        if (!string.IsNullOrEmpty(portalSessionId))
        {
            return await FinishAsync(await devices.SignOutPortalSessionAsync(Viewer(), portalSessionId, cancellationToken), cancellationToken);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereElseAsync(CancellationToken cancellationToken)
        => await FinishAsync(await devices.SignOutEverywhereElseAsync(Viewer(), cancellationToken), cancellationToken);

    private async Task<IActionResult> FinishAsync(Core.Results.ServiceResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            StatusMessage = "Status." + result.Code;
            return RedirectToPage();
        }

        this.ApplyResult(result, (code, _, _) => localizer["Error." + code].Value);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = await devices.ListAsync(Viewer(), cancellationToken);
        if (this.ApplyResult(result, (code, _, _) => localizer["Error." + code].Value))
        {
            Devices = result.Value!;
        }

        Profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
    }

    private DeviceViewer Viewer() => new(currentUser.UserId, currentUser.Auth0SessionId, currentUser.PortalSessionId,
        Request.Headers.UserAgent.ToString(), HttpContext.Connection.RemoteIpAddress?.ToString());
}
