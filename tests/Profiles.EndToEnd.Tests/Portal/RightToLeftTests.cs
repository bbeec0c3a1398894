using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>Arabic in a real browser: the overview is right-to-left, its layout mirrored (navigation starting on the right),
/// and axe-clean, on a desktop and on a phone.</summary>
[Collection(PortalCollection.Name)]
public sealed class RightToLeftTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task The_arabic_overview_is_right_to_left_mirrored_and_accessible_on_a_desktop()
    {
        await using var context = await ArabicContextAsync(new() { Locale = "ar", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_portal.BaseUrl + "/");

        await AssertRightToLeftAsync(page);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "حسابك" });
        var overview = await navigation.GetByRole(AriaRole.Link, new() { Name = "نظرة عامة" }).BoundingBoxAsync();
        var profile = await navigation.GetByRole(AriaRole.Link, new() { Name = "الملف الشخصي" }).BoundingBoxAsync();
        Assert.True(overview!.X > profile!.X, "the first link sits to the right of the second");
        Assert.True(overview.X + overview.Width > 1100 - 64, "the navigation starts at the right edge");
        var brand = await page.Locator(".brand").BoundingBoxAsync();
        Assert.True(brand!.X > 1100 / 2, "the portal's name is on the right");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "overview-rtl");
    }

    [Fact]
    public async Task The_arabic_overview_is_right_to_left_mirrored_and_accessible_on_a_phone()
    {
        await using var context = await ArabicContextAsync(new()
        {
            Locale = "ar", ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_portal.BaseUrl + "/");

        await AssertRightToLeftAsync(page);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "حسابك" });
        var menu = navigation.GetByText("القائمة");
        var box = await menu.BoundingBoxAsync();
        Assert.True(box!.X + box.Width > 360 - 48, "the menu opens from the right");
        await menu.ClickAsync();
        var preferences = navigation.GetByRole(AriaRole.Link, new() { Name = "التفضيلات" });
        await Assertions.Expect(preferences).ToBeVisibleAsync();
        var link = await preferences.BoundingBoxAsync();
        Assert.True(link!.X + link.Width > 360 - 48, "the links line up on the right");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>Signs Dave in (no stored language) in English, then opens a context with the same session whose browser asks for
    /// <paramref name="options"/>' locale: the tenant's own login page is not what these tests look at.</summary>
    private async Task<IBrowserContext> ArabicContextAsync(BrowserNewContextOptions options)
    {
        await using var signIn = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        await new PortalPage(await signIn.NewPageAsync(), _portal).SignInAsync("dave@example.com", "Dave-demo-2026");
        options.StorageState = await signIn.StorageStateAsync();
        return await browser.Browser.NewContextAsync(options);
    }

    private static async Task AssertRightToLeftAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "نظرة عامة على الحساب", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("rtl", await page.Locator("main").EvaluateAsync<string>("main => getComputedStyle(main).direction"));
    }
}
