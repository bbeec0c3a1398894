using Microsoft.Playwright;

namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>Saves full-page screenshots when <c>PROFILES_SCREENSHOTS</c> names a folder (how the README's pictures are made).</summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Environment.GetEnvironmentVariable("PROFILES_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
