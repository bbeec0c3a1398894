using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>The portal keeps up with the user: a re-authentication that says why, fills the email and brings the user back to
/// the form; the header after a name change; the verification state after following the emailed link.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class CurrentStateJourneyTests : IAsyncLifetime
{
    private const string NewPassword = "Tr1cky-Lantern-58";
    private readonly BrowserFixture _browser;

    /// <summary>Starts at the real time: the browser's cookies and the ID token lifetimes are checked against it.</summary>
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PortalServer _portal;

    public CurrentStateJourneyTests(BrowserFixture browser)
    {
        _browser = browser;
        _portal = new PortalServer(_clock);
    }

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_password_change_after_an_old_sign_in_asks_for_the_password_with_the_email_and_reason_and_finishes_with_one_submit()
    {
        await using var context = await _browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");
        _clock.Advance(TimeSpan.FromMinutes(10));

        await portal.OpenAsync("Password");
        await Assertions.Expect(page.Locator("#recent-sign-in-hint")).ToContainTextAsync("you will be asked to sign in again");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Navigation.ArriveAtAsync(page, _portal.Tenant.BaseUrl + "/login");
        await Assertions.Expect(page.Locator("#login-reason")).ToHaveTextAsync("Confirm it's you to change your password");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("alice@example.com");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Password").FillAsync("Alice-demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        // Back on the form: passwords are never kept, so the user types them again and submits once.
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl + "/security/password");
        await Assertions.Expect(page.Locator("#recent-sign-in-resumed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#recent-sign-in-hint")).ToContainTextAsync("You signed in recently");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your password has been changed.");
    }

    [Fact]
    public async Task An_email_change_after_an_old_sign_in_completes_by_itself_once_the_user_has_signed_in_again()
    {
        await using var context = await _browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");
        _clock.Advance(TimeSpan.FromMinutes(10));

        await portal.OpenAsync("Email address");
        await page.GetByLabel("New email address").FillAsync("alice.new@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a code to the new address" }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.Tenant.BaseUrl + "/login");
        await Assertions.Expect(page.Locator("#login-reason")).ToHaveTextAsync("Confirm it's you to change your email address");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("alice@example.com");
        await page.GetByLabel("Password").FillAsync("Alice-demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        // No second submit: the kept form is sent again with a fresh antiforgery token.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your new email address" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_header_shows_a_new_name_as_soon_as_it_is_saved()
    {
        await using var context = await _browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");
        await Assertions.Expect(page.Locator(".site-header .user-name")).ToHaveTextAsync("Alice Example");

        await portal.OpenAsync("Profile");
        await page.GetByLabel("Full name").FillAsync("Alice Renamed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your profile has been saved.");
        await Assertions.Expect(page.Locator(".site-header .user-name")).ToHaveTextAsync("Alice Renamed");

        // The session itself carries the new name, not only the page that saved it.
        await portal.OpenAsync("Security activity");
        await Assertions.Expect(page.Locator(".site-header .user-name")).ToHaveTextAsync("Alice Renamed");
    }

    [Fact]
    public async Task The_verified_state_shows_on_return_from_the_link_and_check_again_confirms_it()
    {
        await using var context = await _browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("bob@example.com", "Bob-demo-2026");
        var banner = page.Locator("#banner-unverified-email");
        await Assertions.Expect(banner).ToContainTextAsync("Your email address is not verified.");

        await banner.GetByRole(AriaRole.Button, new() { Name = "Resend verification email" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-status")).ToContainTextAsync("We sent a new verification email");
        // The cooldown shows: the button is disabled and a countdown says when it comes back.
        await Assertions.Expect(banner.GetByRole(AriaRole.Button, new() { Name = "Resend verification email" })).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#banner-unverified-email-wait")).ToContainTextAsync("You can ask for another email in");
        await Accessibility.AssertNoViolationsAsync(page);

        // The link is opened in another tab, as from a mail client; the portal tab still shows the old state until asked.
        var mail = await context.NewPageAsync();
        await mail.GotoAsync(await VerificationLinkSentToAsync("bob@example.com"));
        await Assertions.Expect(mail.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I've verified, check again" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-status")).ToContainTextAsync("Your email address is verified.");
        await Assertions.Expect(page.Locator("#email-verified")).ToContainTextAsync("Verified");
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Returning_to_the_portal_after_following_the_link_shows_the_verified_state_at_once()
    {
        await using var context = await _browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("bob@example.com", "Bob-demo-2026");
        await Assertions.Expect(page.Locator("#banner-unverified-email")).ToBeVisibleAsync();
        await page.Locator("#banner-unverified-email").GetByRole(AriaRole.Button, new() { Name = "Resend verification email" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-verified")).ToContainTextAsync("Not verified");

        await page.GotoAsync(await VerificationLinkSentToAsync("bob@example.com"));
        await Navigation.ArriveAtAsync(page, _portal.Tenant.BaseUrl + "/u/email-verification");
        await page.GotoAsync(_portal.BaseUrl + "/security/email");
        await Assertions.Expect(page.Locator("#email-verified")).ToContainTextAsync("Verified");
        await Assertions.Expect(page.Locator("#email-verified")).Not.ToContainTextAsync("Not verified");
        await Assertions.Expect(page.Locator("#banner-unverified-email")).ToHaveCountAsync(0);
    }

    private async Task<string> VerificationLinkSentToAsync(string address)
    {
        using var http = new HttpClient();
        var emails = await http.GetFromJsonAsync<List<OutboxEmailView>>($"{_portal.Tenant.BaseUrl}/outbox.json?to={Uri.EscapeDataString(address)}");
        var email = emails!.Last(e => e.Body.Contains("/u/email-verification", StringComparison.Ordinal));
        return LinkPattern().Match(email.Body).Value;
    }

    [GeneratedRegex(@"https?://\S+/u/email-verification\?ticket=\S+")]
    private static partial Regex LinkPattern();

    private sealed record OutboxEmailView(string To, string Body, string Kind);
}
