using System.Net;
using AngleSharp.Html.Parser;
using Profiles.LocalTenant.Data;
using Profiles.TestServices;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Journeys;

/// <summary>Connected applications against the local tenant: another application's grant and refresh token are listed, removing
/// its access revokes both (the tenant then refuses the token) and is recorded and noticed.</summary>
public sealed class ApplicationsJourneyTests : TenantPortalTests
{
    private const string OtherClientId = OtherApplication.ClientId;

    [Fact]
    public async Task Lists_the_connected_application_and_removing_access_gets_its_refresh_token_refused()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var refreshToken = await SignInToOtherApplicationAsync("alice@example.com", "Alice-demo-2026");
        Assert.Equal(HttpStatusCode.OK, await RefreshAsync(refreshToken));

        var page = await GetPageAsync("/security/applications");

        var other = page.QuerySelector($"li[data-client-id='{OtherClientId}']")!;
        Assert.Equal("curl walkthrough (docs/local-tenant.md)", other.QuerySelector("h2")!.TextContent);
        Assert.Contains("Stay signed in while you are away", other.QuerySelector("li[data-scope='offline_access']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(other.QuerySelector("form button[type='submit']"));
        var portal = page.QuerySelectorAll("li.connected-application").Single(li => li.QuerySelector("h2")!.TextContent == "This account portal");
        Assert.Null(portal.QuerySelector("form"));

        var removed = await PostAsync("/security/applications?handler=Remove", page, [new("ClientId", OtherClientId)]);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await RefreshAsync(refreshToken));
        var after = await GetPageAsync("/security/applications");
        Assert.Null(after.QuerySelector($"li[data-client-id='{OtherClientId}']"));
        Assert.Contains("Access removed", after.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        var activity = await GetPageAsync("/activity");
        Assert.Equal("succeeded", activity.QuerySelector("#activity tbody tr[data-action='application_removed']")!.GetAttribute("data-outcome"));
        var notice = (await OutboxAsync("alice@example.com")).Last();
        Assert.Equal("portal:application_removed", notice.Kind);
        Assert.Contains("curl walkthrough", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_access_needs_a_recent_sign_in()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var refreshToken = await SignInToOtherApplicationAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/security/applications");
        MakeSignInStale();

        var challenge = await PostAsync("/security/applications?handler=Remove", page, [new("ClientId", OtherClientId)]);

        Assert.StartsWith(Tenant.BaseUrl + "/authorize", challenge.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await RefreshAsync(refreshToken));
    }

    [Fact]
    public async Task Sign_in_history_shows_failed_sign_ins_grouped_with_their_address()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        Assert.False(await TenantCredentials.AcceptsAsync(NewBrowser(), "alice@example.com", "not-the-password"));
        Assert.False(await TenantCredentials.AcceptsAsync(NewBrowser(), "alice@example.com", "still-not-the-password"));

        var page = await GetPageAsync("/activity");

        var rows = page.QuerySelectorAll("#activity tbody tr[data-source='sign-in']");
        var failed = rows[0];
        Assert.Equal("sign_in_failed", failed.GetAttribute("data-kind"));
        Assert.Equal("2", failed.GetAttribute("data-count"));
        var cells = failed.QuerySelectorAll("td");
        Assert.StartsWith("2 failed sign-in attempts from 127.0.0.1", cells[1].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Failed", cells[2].TextContent.Trim());
        Assert.Contains(rows, r => r.GetAttribute("data-kind") == "signed_in");
        Assert.Null(page.QuerySelector("#sign-in-history-not-permitted"));
    }

    [Fact]
    public async Task Without_read_logs_users_the_activity_page_says_so_and_still_lists_the_portals_events()
    {
        Tenant.Store.Write(w =>
        {
            var client = w.All<TenantClient>().Single(c => c.Name == "Portal under test");
            client.ManagementScopes.Remove("read:logs_users");
            w.Save(client);
        });
        await SignInAsync("alice@example.com", "Alice-demo-2026");

        var page = await GetPageAsync("/activity");

        Assert.Contains("has not been given permission to read sign-in records", page.QuerySelector("#sign-in-history-not-permitted")!.TextContent,
            StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#activity tbody tr[data-source='sign-in']"));
        Assert.NotNull(page.QuerySelector("#activity-empty"));
    }

    /// <summary>Signs in to another application registered at the tenant (authorization code with <c>offline_access</c>) and
    /// returns its refresh token.</summary>
    private async Task<string> SignInToOtherApplicationAsync(string email, string password)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var authorizeUrl = OtherApplication.AuthorizeUrl(Tenant.BaseUrl);
        var authorize = await browser.GetAsync(authorizeUrl);
        var loginUrl = new Uri(authorizeUrl, authorize.Headers.Location!);
        var loginPage = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(loginUrl));
        var form = loginPage.QuerySelector("form[action$='/login/password']")!;
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("email", email))
            .Append(new("password", password));
        var posted = await browser.PostAsync(new Uri(loginUrl, form.GetAttribute("action")), new FormUrlEncodedContent(fields));
        var code = System.Web.HttpUtility.ParseQueryString(posted.Headers.Location!.Query)["code"]!;
        return await OtherApplication.ExchangeCodeAsync(Tenant.BaseUrl, code);
    }

    private async Task<HttpStatusCode> RefreshAsync(string refreshToken) => (await OtherApplication.RefreshAsync(Tenant.BaseUrl, refreshToken)).Status;
}
