using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's cookie TempData, minus one header: every page with a <c>[TempData]</c> property (or a filter that peeks)
/// loads TempData, and saving an empty TempData deletes the cookie with a <c>Set-Cookie</c> even when the browser never had
/// one. That header on every signed-in page view makes responses uncacheable by proxies and costs a cookie build per request.
/// The deletion is still sent when the request did carry the cookie (a status message was just shown), so nothing lingers.
/// </summary>
public sealed class QuietCookieTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    private readonly string _cookieName = options?.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;

    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((values is null || values.Count == 0) && !CarriesCookie(context.Request.Cookies))
        {
            return;
        }

        inner.SaveTempData(context, values!);
    }

    // Large TempData is split by the chunking cookie manager into "<name>C1", "<name>C2"…, announced by "<name>=chunks-N".
    private bool CarriesCookie(IRequestCookieCollection cookies) =>
        cookies.ContainsKey(_cookieName) || cookies.ContainsKey(_cookieName + "C1");
}
