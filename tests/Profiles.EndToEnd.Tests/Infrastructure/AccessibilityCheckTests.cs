using Xunit.Sdk;

namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>The accessibility check must be able to fail, or every page test passes vacuously.</summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_page_with_an_unlabelled_field_and_an_image_without_alt_text_fails_the_check()
    {
        var page = await browser.Browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main><h1>Broken</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><input type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAsync<TrueException>(() => Accessibility.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
