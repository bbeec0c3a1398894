using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Mfa;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>The two-step verification page from the navigation at phone width, against the local tenant's My Account API:
/// the page is reached after the round trip for the /me/ token, an authenticator app is added with its QR code and key (a
/// wrong code is shown next to the field first), and every state passes axe without sideways scrolling.</summary>
[Collection(PortalCollection.Name)]
public sealed class AuthenticatorsJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task An_authenticator_app_is_added_at_phone_width_and_every_step_passes_axe()
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
        await Assertions.Expect(page.Locator("#add-app")).ToBeVisibleAsync();
        await AssertFitsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add an authenticator app", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/security/addauthenticator");
        await Assertions.Expect(page.Locator("#qr-code")).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        var key = (await page.Locator("#manual-key").TextContentAsync())!.Trim();

        var code = page.GetByLabel("Six-digit code");
        await code.FillAsync("12345");
        await code.PressAsync("Enter");
        await Navigation.SettleAsync(page);
        await Assertions.Expect(page.Locator("#Input_Code-error")).ToHaveTextAsync("Enter the six digits of the code.");
        await AssertFitsAsync(page);

        var totp = _portal.Tenant.Services.GetRequiredService<TotpCodes>();
        await page.GetByLabel("Six-digit code").FillAsync(totp.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and add", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/security/authenticators");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Added.");
        await Assertions.Expect(page.Locator("#methods li[data-kind='AuthenticatorApp']")).ToHaveCountAsync(1);
        await AssertFitsAsync(page);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page scrolls sideways at phone width ({scrollWidth} px).");
    }
}
