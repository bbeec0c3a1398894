using System.Text.Json.Nodes;
using Moq;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class OverviewPageTests() : SignedInPortalTests(SampleProfiles.Alice(appMetadata: new JsonObject
{
    ["plan"] = "premium",
    ["customer_since"] = "2023-05-17",
    ["roles"] = new JsonArray("editor", "billing"),
    ["internal_flag"] = "do-not-show",
}))
{
    [Fact]
    public async Task Overview_shows_the_profile_identities_and_declared_app_metadata_read_only()
    {
        var document = await PortalSession.GetDocumentAsync(Client, "/");
        var main = document.GetElementById("main")!;
        var text = main.TextContent;

        Assert.Equal("Profile picture of Alice Example", main.QuerySelector("img.avatar")!.GetAttribute("alt"));
        Assert.Contains("alice@example.com", text, StringComparison.Ordinal);
        Assert.Equal("Verified", main.QuerySelector(".badge-ok")!.TextContent.Trim());
        Assert.Contains("Email and password", text, StringComparison.Ordinal);
        Assert.Contains("Google", text, StringComparison.Ordinal);
        Assert.Contains("Premium plan", text, StringComparison.Ordinal);
        Assert.Contains("editor, billing", text, StringComparison.Ordinal);
        Assert.Contains("Wednesday, May 17, 2023", text, StringComparison.Ordinal);
        Assert.Contains("Contact support to change them", text, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-show", text, StringComparison.Ordinal);
        Assert.Equal("Alice Example", document.QuerySelector("header .user-name")!.TextContent.Trim());
        // Last sign-in 2026-11-20 08:00 UTC shown in the user's zone, Europe/London (UTC+0 in November).
        Assert.Contains("Friday, November 20, 2026 8:00 AM (Europe/London)", text.Replace('\u202f', ' '), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/profile")]
    [InlineData("/preferences")]
    [InlineData("/account/logout")]
    [InlineData("/account/signin-error?reason=access_denied")]
    public async Task Pages_are_accessible_by_construction(string path)
    {
        var document = await PortalSession.GetDocumentAsync(Client, path);

        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Single(document.QuerySelectorAll("main#main"));
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var control in document.QuerySelectorAll("input:not([type='hidden']), select, textarea"))
        {
            Assert.False(string.IsNullOrEmpty(control.Id), control.OuterHtml);
            Assert.NotNull(document.QuerySelector($"label[for='{control.Id}']"));
            foreach (var described in (control.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.NotNull(document.GetElementById(described));
            }
        }

        Assert.All(document.QuerySelectorAll("button, a"), e => Assert.False(string.IsNullOrWhiteSpace(e.TextContent), e.OuterHtml));
        Assert.All(document.QuerySelectorAll("img"), img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt"))));
        Assert.Empty(document.QuerySelectorAll("script, style, [style], [onclick]"));
    }

    [Fact]
    public async Task Layout_has_landmarks_skip_link_lang_and_unique_ids()
    {
        var document = await PortalSession.GetDocumentAsync(Client, "/");

        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("#main", document.QuerySelector("body > a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("header"));
        Assert.NotNull(document.QuerySelector("nav[aria-label]"));
        Assert.Single(document.QuerySelectorAll("main#main"));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Equal("page", document.QuerySelector("nav a[href='/']")!.GetAttribute("aria-current"));
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(document.QuerySelectorAll("button"), b => Assert.False(string.IsNullOrWhiteSpace(b.TextContent)));
        Assert.Empty(document.QuerySelectorAll("script, style, [style]"));
    }
}
