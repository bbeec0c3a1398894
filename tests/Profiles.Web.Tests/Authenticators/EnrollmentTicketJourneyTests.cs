using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Authenticators;

/// <summary>The fallback without the My Account API, end to end against the real local tenant: "add a phone" or "add an email"
/// makes a Guardian enrolment ticket, the tenant's hosted page takes the number or address and the code sent to its outbox, and
/// back on the portal the new factor is listed.</summary>
public sealed partial class EnrollmentTicketJourneyTests : TenantPortalTests
{
    private const string PagePath = "/security/authenticators";

    protected override IDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Profiles:Authenticators:UseMyAccountApi"] = "false",
    };

    [Theory]
    [InlineData("Phone", "phone_number", "+447700900123", "phone|")]
    [InlineData("Email", "email", "alice.codes@example.com", "email|")]
    public async Task A_factor_added_through_the_tenants_enrolment_page_is_listed_on_return(string factor, string field, string address, string idPrefix)
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var before = await GetPageAsync(PagePath);
        Assert.Empty(before.QuerySelectorAll("#methods li[data-method-id]"));

        var ticket = await PostAsync($"{PagePath}?handler=Ticket&factor={factor}", before, []);
        Assert.Equal(HttpStatusCode.Redirect, ticket.StatusCode);
        var ticketUrl = ticket.Headers.Location!;
        Assert.StartsWith(Tenant.BaseUrl + "/mfa/enrollment?ticket=", ticketUrl.AbsoluteUri, StringComparison.Ordinal);

        using var tenantBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var addressPage = await ParseAsync(await tenantBrowser.GetAsync(ticketUrl), HttpStatusCode.OK);
        var codePage = await ParseAsync(await SubmitAsync(tenantBrowser, ticketUrl, addressPage, field, address), HttpStatusCode.OK);
        var sent = Assert.Single(await OutboxAsync(address));
        var done = await ParseAsync(await SubmitAsync(tenantBrowser, ticketUrl, codePage, "code", CodePattern().Match(sent.Body).Value), HttpStatusCode.OK);
        Assert.Equal("https://localhost/", done.QuerySelector("a.button")!.GetAttribute("href"));

        var after = await GetPageAsync(PagePath);
        var listed = Assert.Single(after.QuerySelectorAll("#methods li[data-method-id]"));
        Assert.StartsWith(idPrefix, listed.GetAttribute("data-method-id"), StringComparison.Ordinal);
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            Assert.Equal(expected, response.StatusCode);
            return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>Posts the page's only form with its hidden fields and one typed field, as a browser would.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, Uri pageUrl, IHtmlDocument page, string field, string value)
    {
        var form = Assert.Single(page.QuerySelectorAll("main form"));
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new(field, value));
        return await browser.PostAsync(new Uri(pageUrl, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex CodePattern();
}
