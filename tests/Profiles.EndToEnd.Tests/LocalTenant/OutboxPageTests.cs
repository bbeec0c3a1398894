using Microsoft.Playwright;
using Profiles.EndToEnd.Tests.Infrastructure;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Profiles.EndToEnd.Tests.LocalTenant;

[Collection(BrowserCollection.Name)]
public class OutboxPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_outbox_lists_sent_emails_with_followable_links_and_passes_axe()
    {
        await using var tenant = await EmbeddedLocalTenant.StartAsync("Testing", o => o.DatabasePath = null);
        tenant.Services.GetRequiredService<OutboxService>()
            .Send("alice@example.com", "Verify your email", $"Open {tenant.BaseUrl}/outbox.json to continue.", "verification");
        var page = await browser.Browser.NewPageAsync();

        await page.GotoAsync(tenant.BaseUrl + "/outbox");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verify your email" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = tenant.BaseUrl + "/outbox.json" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.CloseAsync();
    }
}
