using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.Mfa;

namespace Profiles.EndToEnd.Tests.LocalTenant;

/// <summary>The tenant's second-factor page, asked for in French: axe clean at phone width, usable with the keyboard alone, its
/// error next to the field, and the way to a recovery code.</summary>
[Collection(BrowserCollection.Name)]
public class SecondFactorPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_challenge_page_is_localised_axe_clean_and_keyboard_usable_at_phone_width()
    {
        await using var tenant = await EmbeddedLocalTenant.StartAsync("Testing", o => o.DatabasePath = null);
        tenant.Store.Write(w =>
        {
            w.Save(new TenantAuthenticationMethod { Id = "totp|dev_E2eFrankTotp0001", UserId = "auth0|64b97a87b6c808c6f9cc0006", Type = "totp", TotpSecret = TotpCodes.NewSecret() });
            w.Save(new TenantAuthenticationMethod { Id = "recovery-code|dev_E2eFrankRecov01", UserId = "auth0|64b97a87b6c808c6f9cc0006", Type = "recovery-code", RecoveryCodeHash = RecoveryCodes.Hash(RecoveryCodes.New()) });
        });
        var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } });

        await page.GotoAsync(tenant.BaseUrl + "/authorize?response_type=code&client_id=profiles-portal-dev"
            + "&redirect_uri=" + Uri.EscapeDataString("http://127.0.0.1:5000/signin-auth0") + "&scope=openid&state=s&nonce=n&ui_locales=fr");
        await Navigation.ArriveAtExactlyAsync(page, tenant.BaseUrl + "/login");
        await page.GetByLabel("Adresse e-mail").FillAsync("frank@example.com");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("Frank-demo-2026");
        await page.Keyboard.PressAsync("Enter");
        await Navigation.ArriveAtAsync(page, tenant.BaseUrl + "/login/mfa");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirmez votre identité", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        // Keyboard only: the code field, a wrong code, Enter.
        var code = page.GetByLabel("Code de vérification");
        await code.FocusAsync();
        await page.Keyboard.TypeAsync("12345");
        await page.Keyboard.PressAsync("Enter");
        await Navigation.SettleAsync(page);
        await Assertions.Expect(page.Locator("#mfa-error")).ToHaveTextAsync("Ce code est incorrect ou a expiré. Réessayez.");
        await Assertions.Expect(page.GetByLabel("Code de vérification")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoViolationsAsync(page);

        // The recovery code is one link away, reachable by keyboard.
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Utiliser un code de récupération", Exact = true });
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Navigation.SettleAsync(page);
        await Assertions.Expect(page.GetByLabel("Code de récupération")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.CloseAsync();
    }
}
