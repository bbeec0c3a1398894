using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>The finishing touches in a real browser: the demo accounts fill the tenant's form, a picture that fails gives way
/// to the initials, the phone navigation opens without JavaScript, and the blocked page names the support contact.</summary>
[Collection(PortalCollection.Name)]
public sealed class FinishJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalServer _portal = new(settings: new Dictionary<string, string?>
    {
        ["Profiles:Support:Email"] = "help@example.com",
        ["Profiles:Support:Url"] = "https://help.example.com/contact",
        ["Profiles:Support:Name"] = "the Example help desk",
    });

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_demo_account_fills_the_login_form_and_a_picture_that_fails_gives_way_to_the_initials()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_portal.BaseUrl + "/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.Tenant.BaseUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Fill the form with alice@example.com" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("alice@example.com");
        await Assertions.Expect(page.GetByLabel("Password")).ToHaveValueAsync("Alice-demo-2026");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl);

        var portal = new PortalPage(page, _portal);
        await portal.OpenAsync("Profile");
        await page.GetByLabel("Picture URL").FillAsync("https://pictures.invalid/alice.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your profile has been saved.");
        await portal.OpenAsync("Overview");
        var picture = page.Locator("img.avatar");
        await Assertions.Expect(picture).ToHaveAttributeAsync("data-initials", "AE");
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('img.avatar'); return img.complete && img.naturalWidth === 0; }");
        Assert.Equal("\"AE\"", await picture.EvaluateAsync<string>("img => getComputedStyle(img, '::after').content"));
        await Accessibility.AssertNoViolationsAsync(page);

        var favicon = await page.APIRequest.GetAsync(_portal.BaseUrl + "/favicon.ico");
        Assert.Equal(200, favicon.Status);
    }

    [Fact]
    public async Task On_a_phone_the_navigation_opens_from_a_menu_without_javascript()
    {
        // Signing in (and the accessibility check on the way) needs scripts; the menu itself is looked at with them off, in a
        // second context that carries the session over.
        await using var signIn = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        await new PortalPage(await signIn.NewPageAsync(), _portal).SignInAsync("frank@example.com", "Frank-demo-2026");
        var session = await signIn.StorageStateAsync();

        await using var context = await browser.Browser.NewContextAsync(new()
        {
            Locale = "en-GB", ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, JavaScriptEnabled = false,
            StorageState = session,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_portal.BaseUrl + "/");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Votre compte" });
        var preferences = navigation.GetByRole(AriaRole.Link, new() { Name = "Préférences" });
        await Assertions.Expect(preferences).ToBeHiddenAsync();

        await navigation.GetByText("Menu").ClickAsync();
        await preferences.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Préférences", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(_portal.BaseUrl + "/preferences", page.Url);
    }

    [Fact]
    public async Task The_blocked_page_names_the_support_contact()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_portal.BaseUrl + "/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync("erin@example.com");
        await page.GetByLabel("Password").FillAsync("Erin-demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account is blocked" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#support-contact")).ToContainTextAsync("Contact the Example help desk:");
        await Assertions.Expect(page.Locator("#support-email")).ToHaveAttributeAsync("href", "mailto:help@example.com");
        await Assertions.Expect(page.Locator("#support-url")).ToHaveAttributeAsync("href", "https://help.example.com/contact");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
