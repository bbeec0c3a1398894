using System.Net;
using AngleSharp.Html.Parser;

namespace Profiles.Web.Tests.Journeys;

/// <summary>Browser steps at the local tenant that the shared sign-in helper does not cover: checking whether a password is
/// accepted (without asserting it is) and signing in through the emulated Google page.</summary>
internal static class TenantCredentials
{
    /// <summary>True when the tenant's login page accepts <paramref name="password"/> (it redirects to the portal's callback).</summary>
    public static async Task<bool> AcceptsAsync(HttpClient portal, string email, string password)
    {
        var challenge = await portal.GetAsync("/account/login");
        using var browser = NewBrowser();
        var authorizeUrl = challenge.Headers.Location!;
        var authorize = await browser.GetAsync(authorizeUrl);
        var loginUrl = new Uri(authorizeUrl, authorize.Headers.Location!);
        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(loginUrl));
        var form = page.QuerySelector("form[action$='/login/password']")!;
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("email", email))
            .Append(new("password", password));
        var posted = await browser.PostAsync(new Uri(loginUrl, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
        return posted.StatusCode == HttpStatusCode.Redirect
            && posted.Headers.Location!.GetLeftPart(UriPartial.Path) == "https://localhost/signin-auth0";
    }

    /// <summary>Signs in to the portal as the Google identity with <paramref name="email"/> on the tenant's emulated Google page.</summary>
    public static async Task SignInWithGoogleAsync(HttpClient portal, string email)
    {
        var challenge = await portal.GetAsync("/account/login");
        using var browser = NewBrowser();
        var authorizeUrl = challenge.Headers.Location!;
        var authorize = await browser.GetAsync(authorizeUrl);
        var chooser = new Uri(authorizeUrl, authorize.Headers.Location!);
        var state = System.Web.HttpUtility.ParseQueryString(chooser.Query)["state"];
        var socialUrl = new Uri(chooser, "/login/social/google-oauth2?state=" + Uri.EscapeDataString(state!));
        var page = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(socialUrl));
        var form = page.QuerySelectorAll("form").First(f => f.QuerySelector($"input[name='email'][value='{email}']") is not null);
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var posted = await browser.PostAsync(new Uri(socialUrl, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var callback = await portal.GetAsync(posted.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.DoesNotContain("signin-error", callback.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static HttpClient NewBrowser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
}
