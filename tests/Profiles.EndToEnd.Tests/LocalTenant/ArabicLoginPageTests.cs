using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Hosting;

namespace Profiles.EndToEnd.Tests.LocalTenant;

/// <summary>The tenant's login page asked for in Arabic (<c>ui_locales=ar</c>) is right to left, mirrored and axe clean,
/// also after a refused sign-in.</summary>
[Collection(BrowserCollection.Name)]
public class ArabicLoginPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_Arabic_login_page_is_right_to_left_mirrored_and_passes_axe()
    {
        await using var tenant = await EmbeddedLocalTenant.StartAsync("Testing", o => o.DatabasePath = null);
        var page = await browser.Browser.NewPageAsync();

        await page.GotoAsync(tenant.BaseUrl + "/authorize?response_type=code&client_id=profiles-portal-dev"
            + "&redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1:5000/signin-auth0") + "&scope=openid&state=s&nonce=n&ui_locales=ar");
        await Navigation.ArriveAtExactlyAsync(page, tenant.BaseUrl + "/login");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "تسجيل الدخول", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("عنوان البريد الإلكتروني").FillAsync("alice@example.com");
        await page.GetByLabel("كلمة المرور", new() { Exact = true }).FillAsync("not-her-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "متابعة", Exact = true }).ClickAsync();

        var error = page.Locator("#login-error");
        await Assertions.Expect(error).ToHaveTextAsync("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        // Mirrored: the error's bar is on the right, where an Arabic line starts.
        Assert.Equal("4px", await error.EvaluateAsync<string>("e => getComputedStyle(e).borderRightWidth"));
        Assert.Equal("0px", await error.EvaluateAsync<string>("e => getComputedStyle(e).borderLeftWidth"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.CloseAsync();
    }
}
