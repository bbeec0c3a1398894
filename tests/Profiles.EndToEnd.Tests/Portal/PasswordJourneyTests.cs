using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>Changing the password in a real browser: a refused weak password explained by its rules, the change, signing in
/// with the new password, and the change on the security activity page. Every page state passes axe.</summary>
[Collection(PortalCollection.Name)]
public sealed class PasswordJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string NewPassword = "Tr1cky-Harbor-47";
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_user_changes_the_password_signs_in_with_it_and_sees_it_in_the_activity()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");

        await portal.OpenAsync("Password");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Password", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        var newPassword = page.GetByLabel("New password", new() { Exact = true });
        var confirmation = page.GetByLabel("Confirm new password", new() { Exact = true });
        await newPassword.FillAsync("short");
        await confirmation.FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("This password is too weak")).ToBeVisibleAsync();
        await Assertions.Expect(newPassword).ToHaveValueAsync("");
        await Assertions.Expect(newPassword).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoViolationsAsync(page);

        await newPassword.FillAsync(NewPassword);
        await confirmation.FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your password has been changed.");
        await Assertions.Expect(newPassword).ToHaveValueAsync("");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "password");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/");
        await portal.SignInAsync("alice@example.com", NewPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account overview" })).ToBeVisibleAsync();

        await portal.OpenAsync("Security activity");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Security activity" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Password change" }).First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "activity");
    }

    [Fact]
    public async Task The_activity_page_passes_axe_with_only_the_sign_in_and_the_google_only_explanation_passes_too()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("dave@example.com", "Dave-demo-2026");

        await portal.OpenAsync("Security activity");
        // No security event of Dave's yet: the timeline holds only his sign-in, from the tenant's logs.
        await Assertions.Expect(page.Locator("#activity tbody tr[data-source='sign-in'][data-kind='signed_in']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#activity tbody tr[data-source='portal']")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue with Google" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue as Carol Social" }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl);
        await portal.OpenAsync("Password");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Why there is no password here" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You sign in with Google.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task For_a_french_speaking_user_on_a_phone_the_pages_fit_and_pass_axe_and_the_reset_link_shows_its_countdown()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await new PortalPage(page, _portal).SignInAsync("frank@example.com", "Frank-demo-2026");

        await page.GotoAsync(_portal.BaseUrl + "/security/password");
        await page.GetByRole(AriaRole.Button, new() { Name = "M'envoyer un lien de réinitialisation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Nous vous avons envoyé un lien");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "M'envoyer un lien de réinitialisation" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByText("Vous pourrez en demander un autre dans")).ToBeVisibleAsync();
        foreach (var path in new[] { "/security/password", "/activity" })
        {
            await page.GotoAsync(_portal.BaseUrl + path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px on a 360px screen");
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Lien de réinitialisation du mot de passe demandé" })).ToBeVisibleAsync();
    }
}
