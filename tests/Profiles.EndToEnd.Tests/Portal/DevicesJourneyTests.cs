using System.Web;
using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Data;
using Profiles.TestServices;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>Two browser contexts are two devices: both are listed, "This device" on the right one, and signing the other out
/// from a phone-width page makes the other's next portal page ask it to sign in and the refresh token an application got on
/// it refused at the tenant. Every page state passes axe.</summary>
[Collection(PortalCollection.Name)]
public sealed class DevicesJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string PhoneAgent =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task Signing_out_the_other_device_from_a_phone_asks_it_to_sign_in_again()
    {
        await using var laptopContext = await browser.Browser.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1100, Height = 900 } });
        await using var phoneContext = await browser.Browser.NewContextAsync(new()
        {
            Locale = "en-GB", ViewportSize = new() { Width = 390, Height = 844 }, UserAgent = PhoneAgent, IsMobile = true, HasTouch = true,
        });
        var laptop = await laptopContext.NewPageAsync();
        var phone = await phoneContext.NewPageAsync();
        var laptopPortal = new PortalPage(laptop, _portal);
        await laptopPortal.SignInAsync("alice@example.com", "Alice-demo-2026");
        await new PortalPage(phone, _portal).SignInAsync("alice@example.com", "Alice-demo-2026");
        var laptopRefreshToken = await RefreshTokenInAsync(laptopContext);

        await laptopPortal.OpenAsync("Devices");
        await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = "Devices", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(laptop.Locator("#devices li.device")).ToHaveCountAsync(2);
        await Assertions.Expect(laptop.Locator("li.device[data-current='true'] h2")).ToContainTextAsync("Chrome on Linux");
        await Accessibility.AssertNoViolationsAsync(laptop);

        await phone.GotoAsync(_portal.BaseUrl + "/security/devices");
        var thisPhone = phone.Locator("li.device[data-current='true']");
        await Assertions.Expect(thisPhone.Locator("h2")).ToContainTextAsync("Safari on iOS");
        await Assertions.Expect(thisPhone.Locator("h2")).ToContainTextAsync("This device");
        await Accessibility.AssertNoViolationsAsync(phone);
        var scrollWidth = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page scrolls sideways at phone width ({scrollWidth} px).");
        await Screenshots.TakeAsync(phone, "devices-phone");

        var laptopCard = phone.Locator("li.device[data-current='false']");
        var laptopSession = await laptopCard.GetAttributeAsync("data-session-id");
        Assert.Contains(_portal.Tenant.Store.Read(d => d.All<TenantRefreshToken>().ToList()), t => t.SessionId == laptopSession);
        await laptopCard.GetByRole(AriaRole.Button, new() { Name = "Sign out this device (Chrome on Linux" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status).First).ToContainTextAsync("The device is signed out");
        await Assertions.Expect(phone.Locator("#devices li.device")).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(phone);

        // The laptop's next portal page asks it to sign in: the portal session ended, and so did its session at the tenant.
        await laptop.GotoAsync(_portal.BaseUrl + "/profile");
        await Navigation.ArriveAtAsync(laptop, _portal.Tenant.BaseUrl);
        await Assertions.Expect(laptop.GetByLabel("Password")).ToBeVisibleAsync();
        Assert.Null(_portal.Tenant.Store.Read(d => d.Find<TenantSession>(laptopSession!)));
        Assert.DoesNotContain(_portal.Tenant.Store.Read(d => d.All<TenantRefreshToken>().ToList()), t => t.SessionId == laptopSession);
        Assert.Equal("invalid_grant", (await OtherApplication.RefreshAsync(_portal.Tenant.BaseUrl, laptopRefreshToken)).Error);
    }

    /// <summary>A refresh token for another application (the portal asks for none), got in <paramref name="context"/> through the
    /// tenant's single sign-on (the browser's tenant session cookie), so it is bound to that session.</summary>
    private async Task<string> RefreshTokenInAsync(IBrowserContext context)
    {
        var authorize = await context.APIRequest.GetAsync(OtherApplication.AuthorizeUrl(_portal.Tenant.BaseUrl).AbsoluteUri, new() { MaxRedirects = 0 });
        var code = HttpUtility.ParseQueryString(new Uri(authorize.Headers["location"]).Query)["code"];
        Assert.False(string.IsNullOrEmpty(code), "The tenant should sign the browser in to the other application without asking.");
        return await OtherApplication.ExchangeCodeAsync(_portal.Tenant.BaseUrl, code!);
    }
}
