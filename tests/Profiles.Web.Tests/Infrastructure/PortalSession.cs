using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>Drives the browser side of the sign-in over HTTP: portal → provider /authorize → portal callback.</summary>
public static class PortalSession
{
    private static readonly HttpClient ProviderClient = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>Runs the whole redirect dance and returns the portal's answer to the callback.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient portal, string startPath = "/account/login")
    {
        var challenge = await portal.GetAsync(startPath);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        return await CompleteAsync(portal, challenge.Headers.Location!);
    }

    /// <summary>Follows the provider's redirect back to the portal callback.</summary>
    public static async Task<HttpResponseMessage> CompleteAsync(HttpClient portal, Uri authorizeUrl)
    {
        var authorize = await ProviderClient.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var callback = authorize.Headers.Location!;
        Assert.Equal("localhost", callback.Host);
        return await portal.GetAsync(callback.PathAndQuery);
    }

    /// <summary>Signs in and asserts it worked (the callback redirects into the portal, not to the error page).</summary>
    public static async Task SignInSuccessfullyAsync(HttpClient portal)
    {
        var response = await SignInAsync(portal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("signin-error", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient portal, string path)
    {
        var response = await portal.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The antiforgery token of the page's first form that has one.</summary>
    public static string AntiforgeryToken(IHtmlDocument document) =>
        document.QuerySelector("form input[name='__RequestVerificationToken']")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient portal, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        portal.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>The value of a cookie set on <paramref name="response"/>, or null.</summary>
    public static string? SetCookieHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
}
