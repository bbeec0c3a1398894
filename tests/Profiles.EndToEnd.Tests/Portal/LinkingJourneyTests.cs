using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>Linking a social account in a real browser: choose GitHub, sign in at the (emulated) provider, read the preview,
/// confirm; the tenant then holds two identities for Alice.</summary>
[Collection(PortalCollection.Name)]
public sealed class LinkingJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Alice_links_a_github_account_after_the_preview()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1100, Height = 900 } });
        var page = await context.NewPageAsync();
        var portal = new PortalPage(page, _portal);
        await portal.SignInAsync("alice@example.com", "Alice-demo-2026");

        await portal.OpenAsync("Sign-in methods");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign-in methods", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Sign-in method to link").SelectOptionAsync("github");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to sign in" }).ClickAsync();

        await Navigation.ArriveAtAsync(page, _portal.Tenant.BaseUrl + "/login/social/github");
        await page.GetByLabel("Provider user id").FillAsync("alice-octocat");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email address" }).FillAsync("alice@github.example");
        await page.GetByLabel("Full name").FillAsync("Alice on GitHub");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/signinmethods/link");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Link this account?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("alice@github.example");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("discards its own profile settings");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "linking");
        Assert.Single(_portal.Tenant.Store.Read(d => d.FindUser(AliceId)!.Identities.ToList()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Link this account" }).ClickAsync();
        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/signinmethods");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("GitHub is now linked");
        await Assertions.Expect(page.Locator("li.sign-in-method")).ToHaveCountAsync(2);
        await Accessibility.AssertNoViolationsAsync(page);
        var identities = _portal.Tenant.Store.Read(d => d.FindUser(AliceId)!.Identities.Select(i => (i.Provider, i.UserId)).ToList());
        Assert.Equal([("auth0", "64b97a87b6c808c6f9cc0001"), ("github", "alice-octocat")], identities);

        await page.GetByRole(AriaRole.Link, new() { Name = "Unlink GitHub (alice@github.example)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Unlink a sign-in method" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Dave_unlinks_github_on_a_phone_sized_screen()
    {
        const string daveId = "auth0|64b97a87b6c808c6f9cc0004";
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await new PortalPage(page, _portal).SignInAsync("dave@example.com", "Dave-demo-2026");

        await page.GotoAsync(_portal.BaseUrl + "/signinmethods");
        await Assertions.Expect(page.Locator("li.sign-in-method")).ToHaveCountAsync(2);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"/signinmethods scrolls sideways by {overflow}px on a 360px screen");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Unlink GitHub (dave@github.example)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("separate account");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unlink GitHub" }).ClickAsync();

        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/signinmethods");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("was unlinked");
        await Assertions.Expect(page.Locator("li.sign-in-method")).ToHaveCountAsync(1);
        Assert.Single(_portal.Tenant.Store.Read(d => d.FindUser(daveId)!.Identities.ToList()));
        Assert.NotNull(_portal.Tenant.Store.Read(d => d.FindUser("github|4120001")));
    }
}
