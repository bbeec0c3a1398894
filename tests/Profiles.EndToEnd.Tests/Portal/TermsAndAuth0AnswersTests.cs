using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Data;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>Required terms and an account deleted while signed in, in a real browser against a portal that declares terms
/// version 2026-02 and reads profiles fresh on every page (no profile cache, so a deletion is seen at once).</summary>
[Collection(PortalCollection.Name)]
public sealed class TermsAndAuth0AnswersTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    private const string BobId = "auth0|64b97a87b6c808c6f9cc0002";
    private const string Version = "2026-02";

    private readonly PortalServer _portal = new(settings: new Dictionary<string, string?>
    {
        ["Profiles:Terms:Version"] = Version,
        ["Profiles:Terms:EffectiveDate"] = "2026-02-01",
        ["Profiles:Terms:Url:en"] = "https://example.com/terms",
        ["Profiles:Terms:Summary:en"] = "We now say how long we keep your data.",
        ["Auth0:Management:ProfileCacheSeconds"] = "0",
    });

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_user_with_an_old_terms_version_must_accept_before_the_overview_and_the_acceptance_is_in_app_metadata()
    {
        SetAcceptedVersion(AliceId, "2025-06");
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await new PortalPage(page, _portal).SignInAsync("alice@example.com", "Alice-demo-2026");

        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/terms");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Terms and conditions", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#terms-summary")).ToHaveTextAsync("We now say how long we keep your data.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account overview", Level = 1 })).ToBeVisibleAsync();
        var terms = StoredUser(AliceId).AppMetadata!["terms"]!;
        Assert.Equal(Version, (string?)terms["version"]);
        Assert.EndsWith("Z", (string?)terms["accepted_at"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_for_the_signed_in_user_ends_on_the_account_no_longer_exists_page()
    {
        SetAcceptedVersion(BobId, Version);
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("bob@example.com", "Bob-demo-2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account overview", Level = 1 })).ToBeVisibleAsync();

        _portal.Tenant.Store.Write(w => w.Remove<TenantUser>(BobId));
        await portal.OpenAsync("Profile");

        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/account/gone");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This account no longer exists", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" })).ToHaveCountAsync(0);
    }

    private void SetAcceptedVersion(string userId, string version) => _portal.Tenant.Store.Write(w =>
    {
        var user = w.FindUser(userId)!;
        user.AppMetadata ??= [];
        user.AppMetadata["terms"] = new JsonObject { ["version"] = version, ["accepted_at"] = "2025-06-01T10:00:00.000Z" };
        w.Save(user);
    });

    private TenantUser StoredUser(string userId) => _portal.Tenant.Store.Read(d => d.FindUser(userId)!.Clone());
}
