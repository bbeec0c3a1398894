using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Profiles.Core.Persistence;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Terms;

/// <summary>The newsletter opt-in is declared as a consent: giving it on the preferences page and withdrawing it on "Privacy and
/// consent" both reach Auth0 and leave a history (with the wording version) that the page and the export show.</summary>
public abstract class ConsentJourneyTests : TenantPortalTests
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";

    [Fact]
    public async Task Giving_and_withdrawing_the_newsletter_consent_keeps_a_history_shown_and_exported()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var preferences = await GetPageAsync("/preferences");
        var values = CurrentValues(preferences);
        values["Values[newsletter_opt_in]"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("/preferences", preferences, values)).StatusCode);

        var privacy = await GetPageAsync("/privacy");
        Assert.Contains("Given", privacy.GetElementById("consent-newsletter_opt_in")!.TextContent, StringComparison.Ordinal);
        Assert.Single(privacy.QuerySelectorAll("#consent-history tbody tr"));
        Assert.Contains("2026-01", privacy.GetElementById("consent-history")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(privacy.QuerySelector("nav a[href='/privacy'][aria-current='page']"));

        Clock.Advance(TimeSpan.FromMinutes(1));
        var withdrawn = await PostAsync("/privacy?handler=Withdraw", privacy, [new("field", "newsletter_opt_in")]);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var metadata = Tenant.Store.Read(d => d.FindUser(AliceId)!.Clone()).UserMetadata!;
        Assert.False((bool)metadata["newsletter_opt_in"]!);
        Assert.False(metadata.ContainsKey("newsletter_consent_at"));
        Assert.Equal("Europe/London", (string?)metadata["time_zone"]);
        var after = await GetPageAsync("/privacy");
        Assert.Contains("Not given", after.GetElementById("consent-newsletter_opt_in")!.TextContent, StringComparison.Ordinal);
        var rows = after.QuerySelectorAll("#consent-history tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("Withdrawn", rows[0].TextContent, StringComparison.Ordinal);

        var export = await PostAsync("/data?handler=Export", await GetPageAsync("/data"), []);
        var records = JsonNode.Parse(await export.Content.ReadAsStringAsync())!["portal_records"]!["consent_records"]!.AsArray();
        Assert.Equal(2, records.Count);
        Assert.False((bool)records[0]!["given"]!);
        Assert.True((bool)records[1]!["given"]!);
        Assert.Equal("newsletter_opt_in", (string?)records[1]!["preference"]);
        Assert.Equal("2026-01", (string?)records[1]!["wording_version"]);
    }

    [Fact]
    public async Task Only_a_declared_consent_can_be_withdrawn()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var privacy = await GetPageAsync("/privacy");

        var response = await PostAsync("/privacy?handler=Withdraw", privacy, [new("field", "time_zone")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await PortalSession.ParseAsync(response)).QuerySelector(".form-error"));
        Assert.Equal("Europe/London", (string?)Tenant.Store.Read(d => d.FindUser(AliceId)!.Clone()).UserMetadata!["time_zone"]);
        Assert.Empty((await GetPageAsync("/privacy")).QuerySelectorAll("#consent-history tbody tr"));
    }

    /// <summary>The form's current values, as the browser would post them.</summary>
    private static Dictionary<string, string> CurrentValues(IHtmlDocument page)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var select in page.QuerySelectorAll("form select"))
        {
            values[select.GetAttribute("name")!] = select.QuerySelector("option[selected]")?.GetAttribute("value") ?? "";
        }

        foreach (var box in page.QuerySelectorAll("form input[type='checkbox'][checked]"))
        {
            values[box.GetAttribute("name")!] = box.GetAttribute("value") ?? "true";
        }

        return values;
    }

    public sealed class OnSqlite : ConsentJourneyTests;

    public sealed class OnPostgres : ConsentJourneyTests
    {
        protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;
    }
}
