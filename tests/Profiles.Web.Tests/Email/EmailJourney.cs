using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Email;

/// <summary>What the email journey tests share: the demo users, reading users back through the Management API and signing in
/// through the tenant's emulated Google page.</summary>
internal static partial class EmailJourney
{
    public const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    public const string BobId = "auth0|64b97a87b6c808c6f9cc0002";
    public const string CarolId = "google-oauth2|103547991597142817347";

    public static async Task<Auth0User> ManagementUserAsync(PortalFactory portal, string userId)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IUsersClient>().GetAsync(userId);
    }

    /// <summary>The digits of the newest code email.</summary>
    public static string CodeFrom(TenantPortalTests.OutboxItem email) => CodePattern().Match(email.Body).Value;

    /// <summary>Portal → tenant /authorize → emulated Google page → choose the known account with <paramref name="email"/> →
    /// portal callback.</summary>
    public static async Task SignInWithGoogleAsync(HttpClient portal, string email)
    {
        var challenge = await portal.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorizeUrl = challenge.Headers.Location!;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var authorize = await browser.GetAsync(authorizeUrl);
        var loginUrl = new Uri(authorizeUrl, authorize.Headers.Location!);
        var chooser = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(loginUrl));
        var socialLink = chooser.QuerySelector("a[href^='/login/social/google-oauth2']")!.GetAttribute("href")!;
        var socialUrl = new Uri(loginUrl, socialLink);
        var social = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(socialUrl));
        var form = social.QuerySelectorAll("form").First(f => f.QuerySelector($"input[name='email'][value='{email}']") is not null);
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
        var response = await browser.PostAsync(new Uri(socialUrl, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
        var location = new Uri(socialUrl, response.Headers.Location!);
        while (location.Host != "localhost")
        {
            response = await browser.GetAsync(location);
            location = new Uri(location, response.Headers.Location!);
        }

        var callback = await portal.GetAsync(location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.DoesNotContain("signin-error", callback.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();
}
