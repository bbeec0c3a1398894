using System.Net;
using AngleSharp.Html.Parser;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>Signs in through the real local tenant's login page, as a browser would, over HTTP.</summary>
internal static class TenantSignIn
{
    /// <summary>Portal → tenant /authorize → tenant login page → POST credentials → portal callback.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient portal, string email, string password)
    {
        var challenge = await portal.GetAsync("/account/login");
        return await CompleteAsync(portal, challenge.Headers.Location!, email, password);
    }

    /// <summary>Completes an authorization the portal started (a sign-in or a re-authentication challenge): the tenant's
    /// login page with these credentials, then the portal's callback. Returns the portal's answer to the callback.</summary>
    public static async Task<HttpResponseMessage> CompleteAsync(HttpClient portal, Uri authorizeUrl, string email, string password)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var authorize = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var loginUrl = new Uri(authorizeUrl, authorize.Headers.Location!);
        var loginPage = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(loginUrl));
        var form = loginPage.QuerySelector("form[action$='/login/password']")!;
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("email", email))
            .Append(new("password", password));
        var posted = await browser.PostAsync(new Uri(loginUrl, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var callback = posted.Headers.Location!;
        Assert.Equal("https://localhost/signin-auth0", callback.GetLeftPart(UriPartial.Path));
        return await portal.GetAsync(callback.PathAndQuery);
    }
}
