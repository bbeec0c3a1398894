using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.Management;
using Profiles.LocalTenant.Outbox;

namespace Profiles.EndToEnd.Tests.LocalTenant;

/// <summary>The tenant's hosted enrolment page for a phone ticket, in French at phone width: every step axe clean and usable with
/// the keyboard, a number not in international form refused next to its field, then the texted code from the outbox.</summary>
[Collection(BrowserCollection.Name)]
public class EnrollmentPageTests(BrowserFixture browser)
{
    private const string Number = "+33612345678";

    [Fact]
    public async Task The_phone_enrolment_page_is_localised_axe_clean_and_keyboard_usable_at_phone_width()
    {
        await using var tenant = await EmbeddedLocalTenant.StartAsync("Testing", o => o.DatabasePath = null);
        var tickets = tenant.Services.GetRequiredService<TicketIssuer>();
        var ticket = tenant.Store.Write(w => tickets.Create(w, TenantTicket.MfaEnrollment, "auth0|64b97a87b6c808c6f9cc0001", null, factor: "phone"));
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "fr-FR", ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(tenant.BaseUrl + "/mfa/enrollment?ticket=" + ticket.Id);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activer la validation en deux étapes", Exact = true })).ToBeVisibleAsync();
        await AssertFitsAsync(page);

        // Keyboard only: the number field, a number without its country code, Enter.
        await page.GetByLabel("Numéro de téléphone mobile").FocusAsync();
        await page.Keyboard.TypeAsync("0612345678");
        await page.Keyboard.PressAsync("Enter");
        await Navigation.SettleAsync(page);
        await Assertions.Expect(page.Locator("#enroll-error")).ToContainTextAsync("au format international");
        await Assertions.Expect(page.GetByLabel("Numéro de téléphone mobile")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertFitsAsync(page);

        await page.GetByLabel("Numéro de téléphone mobile").FillAsync(Number);
        await page.Keyboard.PressAsync("Enter");
        await Navigation.SettleAsync(page);
        var code = page.GetByLabel("Code de vérification");
        await Assertions.Expect(code).ToBeVisibleAsync();
        await AssertFitsAsync(page);

        var sent = tenant.Services.GetRequiredService<OutboxService>().List(Number).Single();
        await code.FocusAsync();
        await page.Keyboard.TypeAsync(Regex.Match(sent.Body, "[0-9]{6}").Value);
        await page.Keyboard.PressAsync("Enter");
        await Navigation.SettleAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "La validation en deux étapes est activée", Exact = true })).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        Assert.Contains(tenant.Store.Read(d => d.All<TenantAuthenticationMethod>().ToList()), m => m.PhoneNumber == Number);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at phone width.");
    }
}
