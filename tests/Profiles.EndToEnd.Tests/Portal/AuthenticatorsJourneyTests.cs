using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Mfa;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>The two-step verification page from the navigation at phone width, against the local tenant's My Account API:
/// the page is reached after the round trip for the /me/ token, an authenticator app is added with its QR code and key (a
/// wrong code is shown next to the field first), every state passes axe without sideways scrolling, and the next sign-in
/// asks for the app's code before the overview, which then says two-step verification is on.</summary>
[Collection(PortalCollection.Name)]
public sealed class AuthenticatorsJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task An_authenticator_app_is_added_at_phone_width_every_step_passes_axe_and_the_next_sign_in_asks_for_its_code()
    {
        await using var context = await PhoneScreen.NewContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");

        // At phone width the navigation opens from its menu button.
        await page.Locator("details.account-nav-menu summary").ClickAsync();
        await portal.OpenAsync("Two-step verification");
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/security/authenticators");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step verification and passkeys", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#add-app")).ToBeVisibleAsync();
        await PhoneScreen.AssertFitsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add an authenticator app", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/security/addauthenticator");
        await Assertions.Expect(page.Locator("#qr-code")).ToBeVisibleAsync();
        await PhoneScreen.AssertFitsAsync(page);
        var key = (await page.Locator("#manual-key").TextContentAsync())!.Trim();

        var code = page.GetByLabel("Six-digit code");
        await code.FillAsync("12345");
        await code.PressAsync("Enter");
        await Navigation.SettleAsync(page);
        await Assertions.Expect(page.Locator("#Input_Code-error")).ToHaveTextAsync("Enter the six digits of the code.");
        await PhoneScreen.AssertFitsAsync(page);

        var totp = _portal.Tenant.Services.GetRequiredService<TotpCodes>();
        await page.GetByLabel("Six-digit code").FillAsync(totp.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify and add", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/security/authenticators");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Added.");
        await Assertions.Expect(page.Locator("#methods li[data-kind='AuthenticatorApp']")).ToHaveCountAsync(1);
        await PhoneScreen.AssertFitsAsync(page);

        // Another browser: password, then the code the app shows in the next 30-second step (the code just used for the
        // enrolment is never accepted twice).
        await using var other = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var otherPage = await other.NewPageAsync();
        var tenantTime = _portal.Tenant.Services.GetRequiredService<TimeProvider>();
        var nextCode = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(tenantTime.GetUtcNow().UtcDateTime.AddSeconds(30));
        await new PortalPage(otherPage, _portal).SignInWithCodeAsync("alice@example.com", "Alice-demo-2026", nextCode);
        await Assertions.Expect(otherPage.GetByRole(AriaRole.Heading, new() { Name = "Account overview", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(otherPage.Locator("#two-step-summary")).ToHaveAttributeAsync("data-second-factors", "1");
    }
}
