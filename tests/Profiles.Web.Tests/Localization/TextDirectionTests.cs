using System.Globalization;
using System.Text.Json.Nodes;
using Profiles.Web.Preferences;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Localization;

/// <summary>Every configured language is served with its own <c>lang</c>, the right writing direction, and dates in its own
/// words.</summary>
public sealed class TextDirectionTests : FakeProviderPortalTests
{
    [Theory]
    [InlineData("en", "ltr", "Manage your account")]
    [InlineData("fr", "ltr", "Gérez votre compte")]
    [InlineData("de", "ltr", "Verwalten Sie Ihr Konto")]
    [InlineData("es", "ltr", "Gestiona tu cuenta")]
    [InlineData("ar", "rtl", "إدارة حسابك")]
    public async Task The_page_declares_the_language_and_its_direction(string culture, string direction, string heading)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString($"c={culture}|uic={culture}"));

        var document = await PortalSession.ParseAsync(await Portal.CreateClient().SendAsync(request));

        Assert.Equal(culture, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(direction, document.DocumentElement.GetAttribute("dir"));
        Assert.Equal(heading, document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "December")]
    [InlineData("fr", "décembre")]
    [InlineData("de", "Dezember")]
    [InlineData("es", "diciembre")]
    [InlineData("ar", "ديسمبر")]
    public void Dates_are_written_in_the_language_and_in_the_users_time_zone(string culture, string month)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var text = UserClock.Format(new DateTimeOffset(2026, 12, 2, 23, 30, 0, TimeSpan.Zero), new JsonObject { ["time_zone"] = "Europe/Berlin" });

            Assert.Contains(month, text, StringComparison.Ordinal);
            Assert.Contains("2026", text, StringComparison.Ordinal);
            Assert.EndsWith("(Europe/Berlin)", text, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
