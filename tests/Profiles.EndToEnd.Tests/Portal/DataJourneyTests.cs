using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Data;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>"Your data" in a real browser: download the export, ask for deletion (grace period), see the banner, cancel.</summary>
[Collection(PortalCollection.Name)]
public sealed class DataJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_user_downloads_their_data_asks_for_deletion_sees_the_banner_and_cancels()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");

        await portal.OpenAsync("Your data");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "data");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download my data" }).ClickAsync());
        Assert.StartsWith("profiles-export-", download.SuggestedFilename, StringComparison.Ordinal);
        var json = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal("alice@example.com", (string?)json["profile"]!["email"]);

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete my account…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delete my account", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("To confirm, type DELETE").FillAsync("DELETE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();

        var banner = page.Locator("#banner-deletion");
        await Assertions.Expect(banner).ToContainTextAsync("scheduled for deletion");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("will be deleted in 7 days");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "deletion");
        Assert.True(StoredUser(AliceId).AppMetadata!.ContainsKey("deletion_requested_at"));

        // The banner is on every page, not just this one.
        await page.GotoAsync(_portal.BaseUrl + "/profile");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit profile" })).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await banner.GetByRole(AriaRole.Button, new() { Name = "Cancel deletion" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was cancelled");
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        Assert.False(StoredUser(AliceId).AppMetadata?.ContainsKey("deletion_requested_at") ?? false);
    }

    [Fact]
    public async Task The_cancel_link_and_goodbye_pages_pass_the_accessibility_checks()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(_portal.BaseUrl + "/data/cancel-deletion?token=unknown");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid any more");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync(_portal.BaseUrl + "/data/goodbye");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account has been deleted" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private TenantUser StoredUser(string userId) => _portal.Tenant.Store.Read(d => d.FindUser(userId)!.Clone());
}
