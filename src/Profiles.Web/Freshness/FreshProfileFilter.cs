using Microsoft.AspNetCore.Mvc.Filters;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;

namespace Profiles.Web.Freshness;

/// <summary>
/// Keeps what a page shows current without a new sign-in. Before a signed-in GET page runs: when the email is still unverified
/// and the user comes back from elsewhere (the verification link, a bookmark) or reloads, the profile is read from Auth0 again
/// instead of the cache, as only then may verification have happened; and when the profile differs from the session's claims
/// (a saved name or picture, a verified or changed email), the session cookie is re-issued with the new values, so the header
/// shows them on this very response.
/// </summary>
public sealed partial class FreshProfileFilter(IProfileService profiles, ICurrentUser currentUser, ISessionClaims sessionClaims,
    ILogger<FreshProfileFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) && currentUser.IsAuthenticated)
        {
            await RefreshAsync(context.HttpContext);
        }

        await next();
    }

    private async Task RefreshAsync(HttpContext httpContext)
    {
        var cancellationToken = httpContext.RequestAborted;
        try
        {
            var profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
            if (AwaitsVerification(profile) && VerificationMayHaveHappened(httpContext.Request))
            {
                profile = await profiles.RefreshProfileAsync(currentUser.UserId, cancellationToken);
                LogVerificationRechecked(logger, profile.EmailVerified);
            }

            await sessionClaims.UpdateAsync(httpContext, profile);
        }
        catch (ManagementApiException)
        {
            // Auth0 did not answer: the page reads the profile itself and says so; the session keeps what it had.
        }
    }

    /// <summary>A database user's unverified email (social providers verify their own addresses).</summary>
    internal static bool AwaitsVerification(UserProfile profile) =>
        !profile.EmailVerified && !string.IsNullOrEmpty(profile.Email) &&
        profile.Identities.FirstOrDefault(i => i.IsPrimary) is { } primary &&
        string.Equals(primary.Provider, "auth0", StringComparison.OrdinalIgnoreCase);

    /// <summary>A navigation that did not start on one of the portal's own pages (<c>Sec-Fetch-Site</c> other than
    /// <c>same-origin</c>: the email link, a typed address), or a reload (<c>Cache-Control: max-age=0</c> or <c>no-cache</c>).
    /// Moving between portal pages keeps using the cache, so page views do not multiply Management API reads.</summary>
    internal static bool VerificationMayHaveHappened(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var cacheControl = request.Headers.CacheControl.ToString();
        return cacheControl.Contains("max-age=0", StringComparison.OrdinalIgnoreCase) ||
               cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug, Message = "Email verification re-checked at Auth0 on return: verified {Verified}")]
    private static partial void LogVerificationRechecked(ILogger logger, bool verified);
}
