using System.Net;
using System.Text.Json.Nodes;
using Moq;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class PreferencesPageTests() : SignedInPortalTests(SampleProfiles.Alice(userMetadata: new JsonObject
{
    ["preferred_language"] = "en",
    ["time_zone"] = "Europe/Paris",
    ["larger_text"] = true,
    ["newsletter_opt_in"] = false,
}))
{
    [Fact]
    public async Task Each_declared_field_is_rendered_by_type_with_its_label_help_and_current_value()
    {
        var document = await PortalSession.GetDocumentAsync(Client, "/preferences");

        Assert.False(string.IsNullOrEmpty(PortalSession.AntiforgeryToken(document)));
        var language = document.GetElementById("pref-preferred_language")!;
        Assert.Equal("SELECT", language.TagName);
        Assert.Equal("Language", document.QuerySelector("label[for='pref-preferred_language']")!.TextContent.Trim());
        Assert.Contains("pref-preferred_language-help", language.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.Equal("en", language.QuerySelector("option[selected]")!.GetAttribute("value"));
        var zone = document.GetElementById("pref-time_zone")!;
        Assert.Equal("Europe/Paris", zone.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.True(zone.QuerySelectorAll("option").Length > 50);
        Assert.Equal("checkbox", document.GetElementById("pref-larger_text")!.GetAttribute("type"));
        Assert.NotNull(document.GetElementById("pref-larger_text")!.GetAttribute("checked"));
        Assert.Null(document.GetElementById("pref-newsletter_opt_in")!.GetAttribute("checked"));
        Assert.Contains("larger-text", document.Body!.ClassList);
        Assert.Equal(5, document.GetElementById("pref-salutation")!.QuerySelectorAll("option[value]:not([value=''])").Length);
    }

    [Fact]
    public async Task Post_sends_declared_raw_values_for_the_signed_in_user_and_unticked_boxes_as_false()
    {
        IReadOnlyDictionary<string, string?>? sent = null;
        Portal.Profiles
            .Setup(p => p.UpdatePreferencesAsync(It.IsAny<string>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyDictionary<string, string?>, CancellationToken>((_, values, _) => sent = values)
            .ReturnsAsync(ServiceResults.Success(SampleProfiles.Alice()));
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(Client, "/preferences"));

        var response = await PortalSession.PostFormAsync(Client, "/preferences",
        [
            new("__RequestVerificationToken", token),
            new("userId", "auth0|someone-else"),
            new("Values[preferred_language]", "en"),
            new("Values[time_zone]", "Asia/Tokyo"),
            new("Values[salutation]", "dr"),
            new("Values[reduced_motion]", "true"),
            new("Values[undeclared_key]", "sneaky"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Portal.Profiles.Verify(p => p.UpdatePreferencesAsync(FakeOidcProvider.Subject, It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull(sent);
        Assert.Equal("Asia/Tokyo", sent["time_zone"]);
        Assert.Equal("dr", sent["salutation"]);
        Assert.Equal("true", sent["reduced_motion"]);
        Assert.Equal("false", sent["larger_text"]);
        Assert.Equal("false", sent["newsletter_opt_in"]);
        Assert.False(sent.ContainsKey("undeclared_key"));
        var after = await PortalSession.GetDocumentAsync(Client, "/preferences");
        Assert.Equal("Your preferences have been saved.", after.QuerySelector("[role='status']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Field_errors_are_shown_by_field()
    {
        Portal.Profiles
            .Setup(p => p.UpdatePreferencesAsync(FakeOidcProvider.Subject, It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ServiceResult.Invalid([new ServiceFieldError("time_zone", "Preferences.InvalidChoice")]).As<UserProfile>());
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(Client, "/preferences"));

        var response = await PortalSession.PostFormAsync(Client, "/preferences",
            [new("__RequestVerificationToken", token), new("Values[time_zone]", "Mars/Olympus_Mons"), new("Values[reduced_motion]", "true")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalSession.ParseAsync(response);
        var zone = document.GetElementById("pref-time_zone")!;
        Assert.Equal("true", zone.GetAttribute("aria-invalid"));
        Assert.Contains("pref-time_zone-error", zone.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("Choose one of the options.", document.GetElementById("pref-time_zone-error")!.TextContent.Trim());
        Assert.NotNull(document.GetElementById("pref-reduced_motion")!.GetAttribute("checked"));
        Assert.Contains("reduced-motion", document.Body!.ClassList);
    }

    [Fact]
    public async Task Saving_the_language_preference_switches_the_ui_language()
    {
        Portal.Profiles
            .Setup(p => p.UpdatePreferencesAsync(FakeOidcProvider.Subject, It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ServiceResults.Success(SampleProfiles.Alice()));
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(Client, "/preferences"));

        var response = await PortalSession.PostFormAsync(Client, "/preferences",
            [new("__RequestVerificationToken", token), new("Values[preferred_language]", "fr")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("c%3Dfr%7Cuic%3Dfr", PortalSession.SetCookieHeader(response, ".AspNetCore.Culture"), StringComparison.Ordinal);
        // As the real service does, later reads return the saved profile (the PATCH response replaces the cached one).
        Portal.Profiles
            .Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SampleProfiles.Alice() with { UserMetadata = new System.Text.Json.Nodes.JsonObject { ["preferred_language"] = "fr" } });
        var after = await PortalSession.GetDocumentAsync(Client, "/preferences");
        Assert.Equal("fr", after.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Vos préférences ont été enregistrées.", after.QuerySelector("[role='status']")!.TextContent.Trim());
        Assert.Equal("Langue", after.QuerySelector("label[for='pref-preferred_language']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_without_an_antiforgery_token_is_rejected()
    {
        var response = await PortalSession.PostFormAsync(Client, "/preferences", [new("Values[salutation]", "mr")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Portal.Profiles.Verify(p => p.UpdatePreferencesAsync(It.IsAny<string>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
