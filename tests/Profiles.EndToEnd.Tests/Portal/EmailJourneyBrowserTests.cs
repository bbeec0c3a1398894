using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Data;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>The email page in a real browser: the unverified banner, a change confirmed with the code from the outbox, and the
/// provider explanation for a social-only user; every state checked with axe.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class EmailJourneyBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string BobId = "auth0|64b97a87b6c808c6f9cc0002";
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task An_unverified_user_changes_the_email_with_the_code_sent_to_the_new_address()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("bob@example.com", "Bob-demo-2026");

        await Assertions.Expect(page.GetByText("Your email address is not verified.")).ToBeVisibleAsync();
        await portal.OpenAsync("Email address");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email address", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#email-verified")).ToContainTextAsync("Not verified");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "email");

        await page.GetByLabel("New email address").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a code to the new address" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_NewEmail-error")).ToContainTextAsync("Enter a valid email address");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("New email address").FillAsync("bob.new@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a code to the new address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirm your new email address" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("Code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the change" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Code-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Equal("bob@example.com", StoredUser(BobId).Email);

        await page.GetByLabel("Code").FillAsync(await CodeSentToAsync("bob.new@example.com"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the change" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your email address was changed and is verified.");
        await Assertions.Expect(page.Locator("#current-email")).ToHaveTextAsync("bob.new@example.com");
        await Assertions.Expect(page.Locator("#banner-unverified-email")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);

        // The page fits a phone screen too.
        await page.SetViewportSizeAsync(360, 740);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"/security/email scrolls sideways by {overflow}px on a 360px screen");
        await Accessibility.AssertNoViolationsAsync(page);
        var stored = StoredUser(BobId);
        Assert.Equal("bob.new@example.com", stored.Email);
        Assert.True(stored.EmailVerified);
    }

    [Fact]
    public async Task A_social_only_user_sees_that_the_provider_owns_the_email()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_portal.BaseUrl + "/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link).First.ClickAsync();
        // The portal passes its language (French here) to the tenant as ui_locales, so the login pages are in French too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Continuer avec Google" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer en tant que Carol Social (carol@gmail.example)" }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl);

        await page.GotoAsync(_portal.BaseUrl + "/security/email");
        await Assertions.Expect(page.Locator("#provider-email-notice")).ToContainTextAsync("Google");
        await Assertions.Expect(page.Locator("#email-change-form")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private async Task<string> CodeSentToAsync(string address)
    {
        using var http = new HttpClient();
        var emails = await http.GetFromJsonAsync<List<OutboxEmailView>>($"{_portal.Tenant.BaseUrl}/outbox.json?to={Uri.EscapeDataString(address)}");
        var email = Assert.Single(emails!, e => e.Kind == "portal:email_change_code");
        return CodePattern().Match(email.Body).Value;
    }

    private TenantUser StoredUser(string userId) => _portal.Tenant.Store.Read(d => d.FindUser(userId)!.Clone());

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex CodePattern();

    private sealed record OutboxEmailView(string To, string Body, string Kind);
}
