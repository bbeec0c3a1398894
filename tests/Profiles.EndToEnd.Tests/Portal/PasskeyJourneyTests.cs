using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>A passkey at phone width with Chromium's virtual authenticator: added from the two-step verification page through the
/// My Account API (the browser's WebAuthn ceremony on the portal's page, the attestation verified by the tenant), listed with its
/// details, then the next sign-in in the same tab answers the tenant's passkey step, and the passkey is removed with the keyboard.
/// Portal and tenant run on <c>localhost</c>: the tenant's relying party ID is its host, and browsers refuse 127.0.0.1.</summary>
[Collection(PortalCollection.Name)]
public sealed class PasskeyJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalServer _portal = new(onLocalhost: true);

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_passkey_is_added_listed_used_at_the_next_sign_in_and_removed_with_the_keyboard_at_phone_width()
    {
        await using var context = await PhoneScreen.NewContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await using var authenticator = await VirtualAuthenticator.AttachAsync(context, page);
        var portal = new PortalPage(page, _portal);
        Assert.StartsWith("http://localhost:", _portal.BaseUrl, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost:", _portal.Tenant.BaseUrl, StringComparison.Ordinal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");

        await OpenAuthenticatorsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/security/addauthenticator");
        await PhoneScreen.AssertFitsAsync(page);

        // The virtual authenticator answers the ceremony at once; the script posts the attestation and the tenant verifies it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create passkey", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/security/authenticators");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Added.");
        var card = page.Locator("#methods li[data-kind='Passkey']");
        await Assertions.Expect(card).ToHaveCountAsync(1);
        await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Passkey");
        await Assertions.Expect(card.Locator("dt:text-is('Stored') + dd")).ToHaveTextAsync("On one device only");
        await Assertions.Expect(card.Locator("dt:text-is('Added') + dd time")).ToHaveCountAsync(1);
        await Assertions.Expect(card.Locator("dt:text-is('Last used') + dd")).ToHaveTextAsync("Not yet");
        await PhoneScreen.AssertFitsAsync(page);
        Assert.Equal([("localhost", true)], await authenticator.CredentialsAsync());

        // Signed out, the next sign-in asks for the passkey after the password; this tab's authenticator gives it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/");
        await portal.SignInWithPasskeyAsync("alice@example.com", "Alice-demo-2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account overview", Level = 1 })).ToBeVisibleAsync();

        await OpenAuthenticatorsAsync(page);
        card = page.Locator("#methods li[data-kind='Passkey']");
        await Assertions.Expect(card.Locator("dt:text-is('Last used') + dd time")).ToHaveCountAsync(1);

        // Removal with the keyboard alone (the sign-in is recent): focus the card's button, Enter.
        var remove = card.GetByRole(AriaRole.Button, new() { Name = "Remove Passkey", Exact = true });
        await remove.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Navigation.SettleAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The method is removed.");
        await Assertions.Expect(page.Locator("#methods li")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#no-methods")).ToBeVisibleAsync();
        await PhoneScreen.AssertFitsAsync(page);
    }

    /// <summary>The page by its address: the first visit of a sign-in goes through the tenant for the My Account token and back.</summary>
    private async Task OpenAuthenticatorsAsync(IPage page)
    {
        await page.GotoAsync(_portal.BaseUrl + "/security/authenticators");
        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/security/authenticators");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step verification and passkeys", Exact = true })).ToBeVisibleAsync();
        await PhoneScreen.AssertFitsAsync(page);
    }
}
