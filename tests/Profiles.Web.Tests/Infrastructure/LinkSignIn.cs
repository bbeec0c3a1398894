using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Profiles.Web.SignInMethods;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>Completes the portal's second authorization (linking) at the real local tenant over HTTP: its emulated social
/// provider page or its password form, then the portal's link callback.</summary>
internal static class LinkSignIn
{
    /// <summary>Signs in at the emulated provider as <paramref name="providerUserId"/>: "Continue as" when the provider knows
    /// that id (its own details are used), else "Use another account" with the details given (creates that social user).</summary>
    public static async Task<HttpResponseMessage> SocialAsync(HttpClient portal, Uri authorizeUrl, string connection, string providerUserId,
        string? email, bool emailVerified, string name)
    {
        using var browser = NewBrowser();
        var loginUrl = await FollowToLoginAsync(browser, authorizeUrl);
        var chooser = await browser.GetAsync(loginUrl);
        Assert.Equal(HttpStatusCode.Redirect, chooser.StatusCode);
        var socialUrl = new Uri(loginUrl, chooser.Headers.Location!);
        Assert.Contains("/login/social/" + connection, socialUrl.AbsolutePath, StringComparison.Ordinal);
        var page = await ParseAsync(await browser.GetStringAsync(socialUrl));
        var known = page.QuerySelectorAll("form").FirstOrDefault(f =>
            f.QuerySelector("input[name='user_id'][type='hidden']")?.GetAttribute("value") == providerUserId);
        if (known is not null)
        {
            // "Continue as" an identity the provider already knows, with its own details.
            return await PostAndReturnAsync(portal, browser, new Uri(socialUrl, known.GetAttribute("action")), Hidden(known));
        }

        var form = page.QuerySelectorAll("form").Last(f => f.QuerySelector("input[name='user_id'][type='text']") is not null);
        var fields = Hidden(form)
            .Append(new("user_id", providerUserId))
            .Append(new("email", email ?? ""))
            .Append(new("name", name));
        if (emailVerified)
        {
            fields = fields.Append(new("email_verified", "true"));
        }

        return await PostAndReturnAsync(portal, browser, new Uri(socialUrl, form.GetAttribute("action")), fields);
    }

    /// <summary>Signs in with a database account's email and password.</summary>
    public static async Task<HttpResponseMessage> PasswordAsync(HttpClient portal, Uri authorizeUrl, string email, string password)
    {
        using var browser = NewBrowser();
        var loginUrl = await FollowToLoginAsync(browser, authorizeUrl);
        var page = await ParseAsync(await browser.GetStringAsync(loginUrl));
        var form = page.QuerySelector("form[action$='/login/password']")!;
        var fields = Hidden(form).Append(new("email", email)).Append(new("password", password));
        return await PostAndReturnAsync(portal, browser, new Uri(loginUrl, form.GetAttribute("action")), fields);
    }

    private static HttpClient NewBrowser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    private static async Task<Uri> FollowToLoginAsync(HttpClient browser, Uri authorizeUrl)
    {
        var authorize = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        return new Uri(authorizeUrl, authorize.Headers.Location!);
    }

    private static async Task<HttpResponseMessage> PostAndReturnAsync(HttpClient portal, HttpClient browser, Uri action,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var posted = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var callback = posted.Headers.Location!;
        Assert.Equal("https://localhost" + LinkAuthentication.CallbackPath, callback.GetLeftPart(UriPartial.Path));
        return await portal.GetAsync(callback.PathAndQuery);
    }

    private static IEnumerable<KeyValuePair<string, string>> Hidden(AngleSharp.Dom.IElement form) =>
        form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));

    private static async Task<IHtmlDocument> ParseAsync(string html) => await new HtmlParser().ParseDocumentAsync(html);
}
