using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Journeys;

/// <summary>The Quick start's demo user with a second factor: Grace signs in to the portal through the local tenant with her
/// password, then the code emailed to the outbox, and the overview says two-step verification is on.</summary>
public sealed partial class DemoSecondFactorJourneyTests : TenantPortalTests
{
    private const string Grace = "grace@example.com";

    [Fact]
    public async Task Grace_is_asked_for_the_emailed_code_after_her_password_and_the_overview_says_two_step_verification_is_on()
    {
        var authorize = (await Client.GetAsync("/account/login")).Headers.Location!;
        using var tenantBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var loginUrl = new Uri(authorize, (await tenantBrowser.GetAsync(authorize)).Headers.Location!);
        var login = await new HtmlParser().ParseDocumentAsync(await tenantBrowser.GetStringAsync(loginUrl));

        var password = await SubmitAsync(tenantBrowser, loginUrl, login, "/login/password", new() { ["email"] = Grace, ["password"] = "Grace-demo-2026" });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var challengeUrl = new Uri(loginUrl, password.Headers.Location!);
        Assert.Equal("/login/mfa", challengeUrl.AbsolutePath);
        var challenge = await new HtmlParser().ParseDocumentAsync(await tenantBrowser.GetStringAsync(challengeUrl));
        var mail = Assert.Single(await OutboxAsync(Grace));
        Assert.Equal("mfa-email", mail.Kind);

        var verified = await SubmitAsync(tenantBrowser, challengeUrl, challenge, "/login/mfa", new() { ["code"] = CodePattern().Match(mail.Body).Value });
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var callback = await Client.GetAsync(verified.Headers.Location!.PathAndQuery);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);

        var overview = await GetPageAsync("/");
        Assert.Equal("1", overview.GetElementById("two-step-summary")!.GetAttribute("data-second-factors"));
    }

    /// <summary>Posts the form whose action ends with <paramref name="action"/>: its hidden fields plus <paramref name="typed"/>.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, Uri pageUrl, IHtmlDocument page, string action,
        Dictionary<string, string> typed)
    {
        var form = page.QuerySelector($"form[action$='{action}']")!;
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(typed);
        return await browser.PostAsync(new Uri(pageUrl, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex CodePattern();
}
