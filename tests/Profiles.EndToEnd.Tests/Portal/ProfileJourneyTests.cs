using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Data;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>The journey the portal exists for, in a real browser: sign in, edit the profile, change preferences, sign out.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProfileJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_user_signs_in_edits_the_profile_and_preferences_sees_the_language_follow_and_signs_out()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);

        await page.GotoAsync(_portal.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manage your account" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "home");

        await portal.SignInAsync("alice@example.com", "Alice-demo-2026", screenshot: "tenant-login");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account overview" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await portal.OpenAsync("Profile");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit profile" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Nickname").FillAsync("ally");
        await page.GetByLabel("Picture URL").FillAsync("http://insecure.example/me.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enter a web address of an image starting with https://.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.Equal("alice", StoredUser(AliceId).Nickname);

        await page.GetByLabel("Picture URL").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile has been saved.");
        await Screenshots.TakeAsync(page, "profile");
        Assert.Equal("ally", StoredUser(AliceId).Nickname);

        await portal.OpenAsync("Preferences");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preferences" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Language").SelectOptionAsync("fr");
        await page.GetByLabel("Larger text").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vos préférences ont été enregistrées.");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Préférences" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "preferences");
        var metadata = StoredUser(AliceId).UserMetadata!;
        Assert.Equal("fr", metadata["preferred_language"]!.GetValue<string>());
        Assert.True(metadata["larger_text"]!.GetValue<bool>());

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        var cookies = await context.CookiesAsync([_portal.BaseUrl]);
        Assert.DoesNotContain(cookies, c => c.Name is "profiles" or "__Host-profiles");
    }

    [Fact]
    public async Task The_stored_language_applies_from_the_first_page_and_app_metadata_is_explained_read_only()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();

        await new PortalPage(page, _portal).SignInAsync("frank@example.com", "Frank-demo-2026");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aperçu du compte" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Formule premium")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Lecture seule : contactez l'assistance pour modifier").First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "overview");
    }

    [Fact]
    public async Task The_account_pages_work_with_the_keyboard_alone()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to main content");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#main$"));

        await page.GotoAsync(_portal.BaseUrl + "/profile");
        await page.GetByLabel("Given name").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Alicia");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your profile has been saved.");
        Assert.Equal("Alicia", StoredUser(AliceId).GivenName);
    }

    [Fact]
    public async Task A_social_only_user_sees_why_the_profile_cannot_be_edited_here()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_portal.BaseUrl + "/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue with Google" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue as Carol Social (carol@gmail.example)" }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl);

        await page.GotoAsync(_portal.BaseUrl + "/profile");
        await Assertions.Expect(page.GetByText("You sign in with", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Full name")).Not.ToBeEditableAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_blocked_user_gets_a_page_that_says_what_happened_and_what_to_do()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await new PortalPage(page, _portal).SignInAsync("erin@example.com", "Erin-demo-2026");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account is blocked" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Contact support to have your account unblocked.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "signin-error");
    }

    private TenantUser StoredUser(string userId) => _portal.Tenant.Store.Read(d => d.FindUser(userId)!.Clone());
}
