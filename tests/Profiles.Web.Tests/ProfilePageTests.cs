using System.Net;
using Moq;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class ProfilePageTests() : SignedInPortalTests(SampleProfiles.Alice())
{
    [Fact]
    public async Task Form_is_rendered_with_labelled_fields_and_an_antiforgery_token()
    {
        var document = await PortalSession.GetDocumentAsync(Client, "/profile");

        Assert.False(string.IsNullOrEmpty(PortalSession.AntiforgeryToken(document)));
        foreach (var (id, value) in new[] { ("Input_Name", "Alice Example"), ("Input_GivenName", "Alice"), ("Input_Picture", "https://images.example.com/alice.png") })
        {
            Assert.Equal(value, document.GetElementById(id)!.GetAttribute("value"));
            Assert.NotNull(document.QuerySelector($"label[for='{id}']"));
        }

        Assert.NotNull(document.QuerySelector("main form button[type='submit']"));
    }

    [Fact]
    public async Task Post_calls_the_service_once_with_the_signed_in_user_and_ignores_a_forged_user_id()
    {
        ProfileEdit? sent = null;
        Portal.Profiles
            .Setup(p => p.UpdateProfileAsync(It.IsAny<string>(), It.IsAny<ProfileEdit>(), It.IsAny<CancellationToken>()))
            .Callback<string, ProfileEdit, CancellationToken>((_, edit, _) => sent = edit)
            .ReturnsAsync(ServiceResults.Success(SampleProfiles.Alice()));
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(Client, "/profile"));

        var response = await PortalSession.PostFormAsync(Client, "/profile",
        [
            new("__RequestVerificationToken", token),
            new("userId", "auth0|someone-else"),
            new("Input.UserId", "auth0|someone-else"),
            new("Input.Name", "Alice Renamed"),
            new("Input.Nickname", "ally"),
            new("Input.GivenName", "Alice"),
            new("Input.FamilyName", "Example"),
            new("Input.Picture", ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Headers.Location!.OriginalString);
        Portal.Profiles.Verify(p => p.UpdateProfileAsync(FakeOidcProvider.Subject, It.IsAny<ProfileEdit>(), It.IsAny<CancellationToken>()), Times.Once);
        Portal.Profiles.Verify(p => p.UpdateProfileAsync(It.Is<string>(id => id != FakeOidcProvider.Subject), It.IsAny<ProfileEdit>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal(new ProfileEdit("Alice Renamed", "ally", "Alice", "Example", null), sent);

        var after = await PortalSession.GetDocumentAsync(Client, "/profile");
        var status = after.QuerySelector("[role='status']")!;
        Assert.Equal("Your profile has been saved.", status.TextContent.Trim());
        var again = await PortalSession.GetDocumentAsync(Client, "/profile");
        Assert.Equal("", again.QuerySelector("[role='status']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Field_errors_are_rendered_next_to_the_field_and_described_by_it()
    {
        Portal.Profiles
            .Setup(p => p.UpdateProfileAsync(FakeOidcProvider.Subject, It.IsAny<ProfileEdit>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ServiceResult.Invalid(
            [
                new ServiceFieldError("picture", "Profile.InvalidUrl"),
                new ServiceFieldError("given_name", "Profile.TooLong", [150]),
            ]).As<UserProfile>());
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(Client, "/profile"));

        var response = await PortalSession.PostFormAsync(Client, "/profile",
        [
            new("__RequestVerificationToken", token),
            new("Input.Name", "Alice"),
            new("Input.GivenName", new string('a', 200)),
            new("Input.Picture", "javascript:alert(1)"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalSession.ParseAsync(response);
        var picture = document.GetElementById("Input_Picture")!;
        Assert.Equal("true", picture.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Picture-error", picture.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("Enter a web address starting with https://.", document.GetElementById("Input_Picture-error")!.TextContent.Trim());
        Assert.Equal("This is too long: use at most 150 characters.", document.GetElementById("Input_GivenName-error")!.TextContent.Trim());
        Assert.Equal("javascript:alert(1)", picture.GetAttribute("value"));
        Assert.Null(document.GetElementById("Input_Name")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Whole_form_failures_are_announced_with_the_retry_time()
    {
        Portal.Profiles
            .Setup(p => p.UpdateProfileAsync(FakeOidcProvider.Subject, It.IsAny<ProfileEdit>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ServiceResult.Busy("Profile.RateLimited", TimeSpan.FromSeconds(12)).As<UserProfile>());
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(Client, "/profile"));

        var response = await PortalSession.PostFormAsync(Client, "/profile", [new("__RequestVerificationToken", token), new("Input.Name", "A")]);

        var document = await PortalSession.ParseAsync(response);
        Assert.Equal("Too many changes in a short time. Try again in 12 seconds.", document.QuerySelector("[role='alert']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_without_an_antiforgery_token_is_rejected_and_the_service_is_not_called()
    {
        var response = await PortalSession.PostFormAsync(Client, "/profile", [new("Input.Name", "Mallory")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Portal.Profiles.Verify(p => p.UpdateProfileAsync(It.IsAny<string>(), It.IsAny<ProfileEdit>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_read_only_profile_explains_why_and_offers_no_save_button()
    {
        Portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice(readOnly: true));

        var document = await PortalSession.GetDocumentAsync(Client, "/profile");

        Assert.Contains("You sign in with Google", document.GetElementById("read-only-notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById("Input_Name")!.GetAttribute("readonly"));
        Assert.Null(document.QuerySelector("main form button[type='submit']"));
    }
}
