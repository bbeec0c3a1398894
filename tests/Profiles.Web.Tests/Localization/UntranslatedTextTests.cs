using System.Net.Http.Headers;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Localization;

/// <summary>
/// Each main page, rendered in German for a signed-in user (real portal, real local tenant), shows no English text that has a
/// German translation or should have one. German stands for every translated language: the completeness test checks that the
/// others have every key.
/// </summary>
public sealed class UntranslatedTextTests : TenantPortalTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/profile")]
    [InlineData("/preferences")]
    [InlineData("/security/email")]
    [InlineData("/security/password")]
    [InlineData("/signinmethods")]
    [InlineData("/data")]
    [InlineData("/privacy")]
    [InlineData("/activity")]
    [InlineData("/account/signin-error?reason=blocked")]
    public async Task A_page_in_german_shows_no_untranslated_english(string path)
    {
        // Bob has no stored language, so the browser's languages choose it; his unverified email adds the banner to every page.
        Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("de-DE"));
        await SignInAsync("bob@example.com", "Bob-demo-2026");
        var english = new UntranslatedEnglish("de");

        var page = await GetPageAsync(path);

        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Empty(english.FoundIn(page));
    }

    [Fact]
    public async Task The_check_finds_english_on_a_page_left_in_english()
    {
        await SignInAsync("bob@example.com", "Bob-demo-2026");
        var english = new UntranslatedEnglish("de");

        var page = await GetPageAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Account overview", english.FoundIn(page));
        Assert.True(english.IsEnglish("Profile picture of Bob Unverified"), "a sentence with a placeholder is recognised");
        Assert.False(english.IsEnglish("Kontoübersicht"));
        Assert.False(english.IsEnglish("Name"), "a word German shares with English is not counted");
    }
}
