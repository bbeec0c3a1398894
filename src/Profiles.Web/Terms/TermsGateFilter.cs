using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Core.Terms;
using Profiles.Web.Authentication;

namespace Profiles.Web.Terms;

/// <summary>
/// The terms interstitial: a signed-in user who has not accepted the current required terms is sent to <c>/terms</c> before any
/// account page. Signing out, the error pages, and the data pages (download, deletion) stay reachable, so declining never
/// locks anyone out of their own data. When the profile cannot be read, the page goes ahead: it shows its own degraded state,
/// and the gate asks again on the next page (a 404 for the user keeps throwing: the account is gone).
/// </summary>
public sealed class TermsGateFilter(ITermsService terms, IProfileService profiles, ICurrentUser currentUser) : IAsyncPageFilter
{
    /// <summary>Pages that never wait for acceptance.</summary>
    public static readonly IReadOnlySet<string> OpenPages = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/Terms", "/Error", "/Account/Login", "/Account/Logout", "/Account/SigninError", "/Account/Gone",
        "/Data/Index", "/Data/Delete", "/Data/Goodbye", "/Data/CancelDeletion",
    };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (terms.Current.IsEnforced && currentUser.IsAuthenticated && !OpenPages.Contains(context.ActionDescriptor.ViewEnginePath)
            && await NeedsAcceptanceAsync(context.HttpContext.RequestAborted))
        {
            var request = context.HttpContext.Request;
            var returnUrl = HttpMethods.IsGet(request.Method) ? request.Path + request.QueryString : request.Path.ToString();
            context.Result = new RedirectToPageResult("/Terms", new { returnUrl });
            return;
        }

        await next();
    }

    private async Task<bool> NeedsAcceptanceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return terms.NeedsAcceptance(await profiles.GetProfileAsync(currentUser.UserId, cancellationToken));
        }
        catch (ManagementApiException ex) when (ex.IsTransient || (int)ex.StatusCode == StatusCodes.Status403Forbidden)
        {
            return false;
        }
    }
}
