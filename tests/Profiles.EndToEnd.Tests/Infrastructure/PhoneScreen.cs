using Microsoft.Playwright;

namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>A phone's screen (390 × 844 CSS pixels): a browser context of that size, and the check every step of a phone journey
/// passes (axe clean, no sideways scrolling).</summary>
internal static class PhoneScreen
{
    public const int Width = 390;

    public static Task<IBrowserContext> NewContextAsync(IBrowser browser)
        => browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = Width, Height = 844 } });

    public static async Task AssertFitsAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Width, $"{page.Url} scrolls sideways at phone width ({scrollWidth} px).");
    }
}
