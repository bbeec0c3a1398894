using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Core.Persistence;
using Profiles.Core.Preferences;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Terms;

/// <summary>When the operator changes a consent's wording version, a consent given under the old wording is shown as needing
/// renewal and does not count; it is never withdrawn at Auth0 without the user's action and a record; renewing it records the
/// new wording.</summary>
public abstract class ConsentRenewalJourneyTests : TenantPortalTests
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    private const string Key = "newsletter_opt_in";

    [Fact]
    public async Task A_new_wording_asks_again_on_the_privacy_page_and_renewing_records_the_new_version()
    {
        await GiveConsentUnderTheFirstWordingAsync();
        ChangeWordingVersion("2026-06");

        var privacy = await GetPageAsync("/privacy");
        var consent = privacy.GetElementById("consent-" + Key)!;
        Assert.Contains("Needs renewing", consent.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Given since", consent.TextContent, StringComparison.Ordinal);
        Assert.Contains("version 2026-01", privacy.GetElementById($"consent-{Key}-renewal")!.TextContent, StringComparison.Ordinal);
        Assert.True((bool)Metadata()[Key]!);

        Clock.Advance(TimeSpan.FromMinutes(5));
        var renewed = await PostAsync("/privacy?handler=Renew", privacy, [new("field", Key)]);

        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var after = await GetPageAsync("/privacy");
        Assert.Contains("your consent now covers the current wording", after.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Given", after.GetElementById("consent-" + Key)!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Needs renewing", after.GetElementById("consent-" + Key)!.TextContent, StringComparison.Ordinal);
        var rows = after.QuerySelectorAll("#consent-history tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("2026-06", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-01", rows[1].TextContent, StringComparison.Ordinal);
        var metadata = Metadata();
        Assert.True((bool)metadata[Key]!);
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeSeconds(),
            DateTimeOffset.Parse((string)metadata["newsletter_consent_at"]!, CultureInfo.InvariantCulture).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_preferences_page_shows_it_unticked_saving_it_unticked_withdraws_nothing_and_ticking_it_renews()
    {
        await GiveConsentUnderTheFirstWordingAsync();
        ChangeWordingVersion("2026-06");

        var preferences = await GetPageAsync("/preferences");
        var box = preferences.GetElementById("pref-" + Key)!;
        Assert.False(box.HasAttribute("checked"));
        Assert.Contains($"pref-{Key}-renewal", box.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.NotNull(preferences.QuerySelector($"#pref-{Key}-renewal a[href='/privacy']"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("/preferences", preferences, CurrentValues(preferences))).StatusCode);

        Assert.True((bool)Metadata()[Key]!);
        Assert.Single((await GetPageAsync("/privacy")).QuerySelectorAll("#consent-history tbody tr"));

        preferences = await GetPageAsync("/preferences");
        var values = CurrentValues(preferences);
        values[$"Values[{Key}]"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("/preferences", preferences, values)).StatusCode);

        var privacy = await GetPageAsync("/privacy");
        Assert.DoesNotContain("Needs renewing", privacy.GetElementById("consent-" + Key)!.TextContent, StringComparison.Ordinal);
        var rows = privacy.QuerySelectorAll("#consent-history tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("2026-06", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("checked", (await GetPageAsync("/preferences")).GetElementById("pref-" + Key)!.GetAttribute("checked"));
    }

    [Fact]
    public async Task Withdrawing_a_consent_waiting_for_renewal_is_recorded()
    {
        await GiveConsentUnderTheFirstWordingAsync();
        ChangeWordingVersion("2026-06");

        var withdrawn = await PostAsync("/privacy?handler=Withdraw", await GetPageAsync("/privacy"), [new("field", Key)]);

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.False((bool)Metadata()[Key]!);
        var privacy = await GetPageAsync("/privacy");
        Assert.Contains("Not given", privacy.GetElementById("consent-" + Key)!.TextContent, StringComparison.Ordinal);
        var rows = privacy.QuerySelectorAll("#consent-history tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("Withdrawn", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-06", rows[0].TextContent, StringComparison.Ordinal);
    }

    private async Task GiveConsentUnderTheFirstWordingAsync()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var preferences = await GetPageAsync("/preferences");
        var values = CurrentValues(preferences);
        values[$"Values[{Key}]"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("/preferences", preferences, values)).StatusCode);
        Assert.Contains("2026-01", (await GetPageAsync("/privacy")).GetElementById("consent-history")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>What an operator does by editing <c>Consent:WordingVersion</c> and restarting, without the restart.</summary>
    private void ChangeWordingVersion(string version) =>
        Portal.Services.GetRequiredService<IOptions<PreferencesOptions>>().Value.Fields.Single(f => f.Key == Key).Consent!.WordingVersion = version;

    private JsonObject Metadata() => Tenant.Store.Read(d => d.FindUser(AliceId)!.Clone()).UserMetadata!;

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

    public sealed class OnSqlite : ConsentRenewalJourneyTests;

    public sealed class OnPostgres : ConsentRenewalJourneyTests
    {
        protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;
    }
}
