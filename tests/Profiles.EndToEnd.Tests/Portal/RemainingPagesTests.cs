using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>The pages the journeys do not pass through, each checked with axe, and the account pages on a phone-sized screen.</summary>
[Collection(PortalCollection.Name)]
public sealed class RemainingPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Theory]
    [InlineData("/account/logout")]
    [InlineData("/error")]
    [InlineData("/account/signin-error?reason=access_denied")]
    [InlineData("/account/signin-error?reason=login_required")]
    public async Task Signed_out_pages_pass_axe_in_both_languages(string path)
    {
        foreach (var locale in new[] { "en-GB", "fr-FR" })
        {
            await using var context = await browser.Browser.NewContextAsync(new() { Locale = locale });
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(_portal.BaseUrl + path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task Account_pages_fit_a_phone_screen_without_sideways_scrolling()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await new PortalPage(page, _portal).SignInAsync("frank@example.com", "Frank-demo-2026");

        foreach (var path in new[] { "/", "/profile", "/preferences" })
        {
            await page.GotoAsync(_portal.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px on a 360px screen");
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }
}
