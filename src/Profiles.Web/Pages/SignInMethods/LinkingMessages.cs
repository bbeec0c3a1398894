using Microsoft.Extensions.Localization;
using Profiles.Core.SignInMethods;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Pages.SignInMethods;

/// <summary>Turns refusal and problem codes into sentences; unknown codes (e.g. a hand-edited query string) say nothing specific.</summary>
public static class LinkingMessages
{
    public static string Explain(IStringLocalizer<SignInMethodsResource> localizer, string code, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (code == LinkRefusal.RateLimited && retryAfter is { } wait)
        {
            return localizer["Refusal.rate_limited.Seconds", (int)Math.Ceiling(wait.TotalSeconds)];
        }

        var text = localizer["Refusal." + code];
        return text.ResourceNotFound ? localizer["Refusal.failed"] : text;
    }

    /// <summary><see cref="Explain"/> as the <see cref="ResultText"/> of a linking result.</summary>
    public static ResultText For(IStringLocalizer<SignInMethodsResource> localizer) =>
        (code, result, _) => Explain(localizer, code, result.RetryAfter);
}
