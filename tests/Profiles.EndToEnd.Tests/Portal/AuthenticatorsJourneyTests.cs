using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>The two-step verification page from the navigation at phone width: after the round trip for the My Account
/// token (or its refusal) the page is reached, passes axe and does not scroll sideways.</summary>
[Collection(PortalCollection.Name)]
public sealed class AuthenticatorsJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task The_page_is_reached_from_the_navigation_and_passes_axe_at_phone_width()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");

        // At phone width the navigation opens from its menu button.
        await page.Locator("details.account-nav-menu summary").ClickAsync();
        await portal.OpenAsync("Two-step verification");
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/security/authenticators");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step verification and passkeys", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#add-method")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page scrolls sideways at phone width ({scrollWidth} px).");
    }
}
