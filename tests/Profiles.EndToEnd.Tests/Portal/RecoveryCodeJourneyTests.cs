using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Mfa;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>A recovery code at phone width: created on the two-step verification page (shown once), used at the tenant's second
/// step from another browser, which shows its replacement once (Auth0's behaviour); the used code is refused afterwards and the
/// replacement works. Every page axe clean without sideways scrolling.</summary>
[Collection(PortalCollection.Name)]
public sealed class RecoveryCodeJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    private readonly PortalServer _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task A_recovery_code_works_once_and_the_tenant_shows_its_replacement_once()
    {
        // Alice already has an authenticator app (added by the tenant's store; the app journey adds one through the page).
        var secret = TotpCodes.NewSecret();
        _portal.Tenant.Store.Write(w => w.Save(new TenantAuthenticationMethod
        {
            Id = "totp|dev_E2eAliceTotp0001", UserId = AliceId, Type = AuthenticationMethodTypes.Totp, TotpSecret = secret,
            CreatedAt = _portal.Tenant.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
        }));
        var totp = _portal.Tenant.Services.GetRequiredService<TotpCodes>();

        await using var context = await PhoneScreen.NewContextAsync(browser.Browser);
        var page = await context.NewPageAsync();
        await new PortalPage(page, _portal).SignInWithCodeAsync("alice@example.com", "Alice-demo-2026", totp.Now(secret));
        await page.GotoAsync(_portal.BaseUrl + "/security/authenticators");
        await Navigation.ArriveAtExactlyAsync(page, _portal.BaseUrl + "/security/authenticators");
        await Assertions.Expect(page.Locator("#add-recovery-code")).ToBeVisibleAsync();
        await PhoneScreen.AssertFitsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create a recovery code", Exact = true }).ClickAsync();
        await Navigation.SettleAsync(page);
        var shown = page.Locator("#new-recovery-code code.recovery-code");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#methods li[data-kind='RecoveryCode']")).ToHaveCountAsync(1);
        await PhoneScreen.AssertFitsAsync(page);
        var code = (await shown.TextContentAsync())!.Trim();

        // Another browser: the password, then "use a recovery code" instead of the app.
        var replacement = await SignInWithRecoveryCodeAsync(code);
        Assert.NotEqual(code, replacement);

        // The used code is refused; its replacement works, once, and is replaced in turn.
        await using var third = await PhoneScreen.NewContextAsync(browser.Browser);
        var thirdPage = await third.NewPageAsync();
        await ToRecoveryCodeFieldAsync(thirdPage);
        await thirdPage.GetByLabel("Recovery code").FillAsync(code);
        await thirdPage.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Navigation.SettleAsync(thirdPage);
        await Assertions.Expect(thirdPage.Locator("#mfa-error")).ToHaveTextAsync("That code is not right or has expired. Try again.");
        await PhoneScreen.AssertFitsAsync(thirdPage);
        await thirdPage.GetByLabel("Recovery code").FillAsync(replacement);
        await thirdPage.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Navigation.SettleAsync(thirdPage);
        var next = (await thirdPage.Locator("#recovery-code").TextContentAsync())!.Trim();
        Assert.NotEqual(replacement, next);
    }

    /// <summary>Signs in from a new phone-width browser with <paramref name="code"/>; returns the replacement the tenant shows.</summary>
    private async Task<string> SignInWithRecoveryCodeAsync(string code)
    {
        await using var other = await PhoneScreen.NewContextAsync(browser.Browser);
        var page = await other.NewPageAsync();
        await ToRecoveryCodeFieldAsync(page);
        await page.GetByLabel("Recovery code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Navigation.SettleAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Save your new recovery code", Level = 1 })).ToBeVisibleAsync();
        await PhoneScreen.AssertFitsAsync(page);
        var replacement = (await page.Locator("#recovery-code").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, _portal.BaseUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account overview", Level = 1 })).ToBeVisibleAsync();
        return replacement;
    }

    private async Task ToRecoveryCodeFieldAsync(IPage page)
    {
        await new PortalPage(page, _portal).ToSecondStepAsync("alice@example.com", "Alice-demo-2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code", Exact = true }).ClickAsync();
        await Navigation.SettleAsync(page);
        await Assertions.Expect(page.GetByLabel("Recovery code")).ToBeVisibleAsync();
        await PhoneScreen.AssertFitsAsync(page);
    }
}
