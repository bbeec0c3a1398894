using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Activity;
using Profiles.Core.Terms;
using Profiles.LocalTenant.Data;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Terms;

/// <summary>Required terms against the real local tenant: the interstitial comes before any account page, acceptance is written
/// to <c>app_metadata</c> by the portal (version and the portal's time, nothing posted), and declining signs out while the
/// data pages stay reachable.</summary>
public sealed class TermsJourneyTests : TenantPortalTests
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    private const string Version = "2026-02";

    protected override IDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Profiles:Terms:Version"] = Version,
        ["Profiles:Terms:EffectiveDate"] = "2026-02-01",
        ["Profiles:Terms:Url:en"] = "https://example.com/terms",
        ["Profiles:Terms:Url:fr"] = "https://example.com/fr/conditions",
        ["Profiles:Terms:Summary:en"] = "We now say how long we keep your data.",
        ["Profiles:Terms:Summary:fr"] = "Nous indiquons désormais combien de temps nous gardons vos données.",
    };

    [Fact]
    public async Task A_user_who_has_not_accepted_must_accept_before_the_overview_and_the_acceptance_is_in_app_metadata()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");

        var overview = await Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.Equal("/terms?returnUrl=%2F", overview.Headers.Location!.OriginalString);
        var profile = await Client.GetAsync("/profile?tab=1");
        Assert.Equal("/terms?returnUrl=%2Fprofile%3Ftab%3D1", profile.Headers.Location!.OriginalString);

        var terms = await GetPageAsync("/terms?returnUrl=%2F");
        Assert.Equal("We now say how long we keep your data.", terms.GetElementById("terms-summary")!.TextContent);
        Assert.Equal("https://example.com/terms", terms.GetElementById("terms-link")!.GetAttribute("href"));
        Assert.Contains("February 1, 2026", terms.GetElementById("terms-effective")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(terms.GetElementById("terms-export"));
        Assert.NotNull(terms.GetElementById("terms-delete"));

        // Whatever the form carries, only the operator's version and the portal's clock are written.
        var accepted = await PostAsync("/terms?handler=Accept", terms,
            [new("ReturnUrl", "/"), new("version", "forged"), new("app_metadata[plan]", "premium")]);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location!.OriginalString);
        var stored = Tenant.Store.Read(d => d.FindUser(AliceId)!.Clone()).AppMetadata!;
        var acceptance = TermsAcceptance.ReadFrom(stored)!;
        Assert.Equal(Version, acceptance.Version);
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeMilliseconds(), acceptance.AcceptedAt!.Value.ToUnixTimeMilliseconds());
        Assert.NotEqual("premium", (string?)stored["plan"]);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);
        var events = await Portal.Services.GetRequiredService<ISecurityEventLog>().ListRecentAsync(AliceId, 10, CancellationToken.None);
        Assert.Contains(events, e => e.Action == SecurityActions.TermsAccepted && e.Outcome == SecurityOutcomes.Succeeded && e.Detail == Version);
        var activity = await GetPageAsync("/activity");
        Assert.Contains("Terms and conditions accepted", activity.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_accepted_version_must_be_accepted_again()
    {
        Tenant.Store.Write(w =>
        {
            var user = w.FindUser(AliceId)!;
            user.AppMetadata ??= [];
            user.AppMetadata["terms"] = new System.Text.Json.Nodes.JsonObject { ["version"] = "2025-06", ["accepted_at"] = "2025-06-01T10:00:00.000Z" };
            w.Save(user);
        });
        await SignInAsync("alice@example.com", "Alice-demo-2026");

        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/")).StatusCode);
        Assert.NotNull((await GetPageAsync("/terms")).GetElementById("terms-accept"));
    }

    [Fact]
    public async Task Data_pages_and_sign_out_stay_reachable_and_declining_signs_out()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/data")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/data/delete")).StatusCode);
        var terms = await GetPageAsync("/terms");
        var declined = await PostAsync("/terms?handler=Decline", terms, []);

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.StartsWith(Tenant.BaseUrl + "/v2/logout", declined.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Null(TermsAcceptance.ReadFrom(Tenant.Store.Read(d => d.FindUser(AliceId)!.Clone()).AppMetadata));
        var home = await GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("#welcome-heading"));
        var events = await Portal.Services.GetRequiredService<ISecurityEventLog>().ListRecentAsync(AliceId, 10, CancellationToken.None);
        Assert.Contains(events, e => e.Action == SecurityActions.TermsDeclined);
    }

    [Fact]
    public async Task The_terms_page_follows_the_user_language()
    {
        Tenant.Store.Write(w =>
        {
            var user = w.FindUser(AliceId)!;
            user.UserMetadata!["preferred_language"] = "fr";
            w.Save(user);
        });
        await SignInAsync("alice@example.com", "Alice-demo-2026");

        var terms = await GetPageAsync("/terms");

        Assert.Equal("fr", terms.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Nous indiquons désormais combien de temps nous gardons vos données.", terms.GetElementById("terms-summary")!.TextContent);
        Assert.Equal("https://example.com/fr/conditions", terms.GetElementById("terms-link")!.GetAttribute("href"));
    }
}
