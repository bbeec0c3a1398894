using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;

namespace Profiles.EndToEnd.Tests.Portal;

/// <summary>A browser tab on the portal, with the steps the journeys share.</summary>
internal sealed class PortalPage(IPage page, PortalServer portal)
{
    public IPage Page => page;

    /// <summary>From the signed-out home page through the tenant's login page back to the overview.</summary>
    public async Task SignInAsync(string email, string password, string? screenshot = null)
    {
        await SubmitCredentialsAsync(email, password, screenshot);
        await Navigation.ArriveAtAsync(page, portal.BaseUrl);
    }

    /// <summary>Sign-in for a user with an authenticator app: the tenant's second-factor page (axe-checked) takes the code.</summary>
    public async Task SignInWithCodeAsync(string email, string password, string code)
    {
        await ToSecondStepAsync(email, password);
        await page.GetByLabel("Verification code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, portal.BaseUrl);
    }

    /// <summary>Sign-in for a user whose second step is a passkey: the tenant's passkey page (axe-checked) asks the browser for it
    /// (a virtual authenticator on this tab answers).</summary>
    public async Task SignInWithPasskeyAsync(string email, string password)
    {
        await ToSecondStepAsync(email, password);
        await Assertions.Expect(page.Locator("#mfa-intro")).ToHaveTextAsync("Use your passkey to confirm it's you.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use my passkey", Exact = true }).ClickAsync();
        await Navigation.ArriveAtAsync(page, portal.BaseUrl);
    }

    /// <summary>Email and password on the tenant's login page, up to its second-factor page (axe-checked).</summary>
    public async Task ToSecondStepAsync(string email, string password)
    {
        await SubmitCredentialsAsync(email, password, screenshot: null);
        await Navigation.ArriveAtAsync(page, portal.Tenant.BaseUrl + "/login/mfa");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private async Task SubmitCredentialsAsync(string email, string password, string? screenshot)
    {
        await page.GotoAsync(portal.BaseUrl + "/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Navigation.ArriveAtAsync(page, portal.Tenant.BaseUrl);
        await Accessibility.AssertNoViolationsAsync(page);
        if (screenshot is not null)
        {
            await Screenshots.TakeAsync(page, screenshot);
        }

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
    }

    public async Task OpenAsync(string navigationLink)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = navigationLink }).ClickAsync();
        await Navigation.SettleAsync(page);
    }
}
