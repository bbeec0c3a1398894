using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class LocalizationTests : FakeProviderPortalTests
{
    [Theory]
    [InlineData(null, null, "en", "Manage your account")]
    [InlineData(null, "fr-FR,fr;q=0.9", "fr", "Gérez votre compte")]
    [InlineData("c=fr|uic=fr", null, "fr", "Gérez votre compte")]
    [InlineData("c=en|uic=en", "fr-FR,fr;q=0.9", "en", "Manage your account")]
    [InlineData(null, "ja-JP", "en", "Manage your account")]
    [InlineData(null, "de-DE,de;q=0.9", "de", "Verwalten Sie Ihr Konto")]
    [InlineData(null, "ar-EG", "ar", "إدارة حسابك")]
    public async Task Ui_language_follows_the_culture_cookie_first_then_accept_language(string? cookie, string? acceptLanguage, string lang, string heading)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(cookie));
        }

        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var response = await Portal.CreateClient().SendAsync(request);
        var document = await PortalSession.ParseAsync(response);

        Assert.Equal(lang, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Your account is blocked")]
    [InlineData("fr", "Votre compte est bloqué")]
    public async Task Sign_in_error_pages_are_localized(string culture, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin-error?reason=blocked");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString($"c={culture}|uic={culture}"));

        var document = await PortalSession.ParseAsync(await Portal.CreateClient().SendAsync(request));

        Assert.Equal(title, document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Every_error_code_from_core_has_an_english_and_a_french_sentence()
    {
        string[] codes =
        [
            "Profile.TooLong", "Profile.InvalidUrl", "Profile.ReadOnly", "Profile.RateLimited", "Profile.Rejected", "Profile.Unavailable",
            "Preferences.Required", "Preferences.TooLong", "Preferences.InvalidChoice", "Preferences.InvalidDate", "Preferences.OutOfRange",
            "Preferences.InvalidNumber", "Preferences.PatternMismatch", "Preferences.TooLarge",
        ];
        var factory = (Microsoft.Extensions.Localization.IStringLocalizerFactory)Portal.Services.GetService(typeof(Microsoft.Extensions.Localization.IStringLocalizerFactory))!;
        var localizer = factory.Create(typeof(Profiles.Web.Localization.SharedResource));

        foreach (var culture in new[] { "en", "fr" })
        {
            var previous = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            try
            {
                foreach (var code in codes)
                {
                    var text = localizer[code];
                    Assert.False(text.ResourceNotFound, $"{code} ({culture})");
                    Assert.NotEqual(code, text.Value);
                }

                Assert.Equal(culture == "fr" ? "Saisissez un nombre." : "Enter a number.", localizer["Preferences.InvalidNumber"].Value);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = previous;
            }
        }

        await Task.CompletedTask;
    }
}
