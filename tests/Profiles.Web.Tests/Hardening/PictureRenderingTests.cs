using Moq;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Hardening;

/// <summary>A picture URL stored in Auth0 (possibly by another application) reaches <c>&lt;img src&gt;</c> only when it passes
/// the editor's own rule; otherwise the overview shows the initials avatar.</summary>
public sealed class PictureRenderingTests : FakeProviderPortalTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(document.cookie)")]
    [InlineData("http://images.example.com/alice.png")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:secret@images.example.com/a.png")]
    public async Task A_picture_that_breaks_the_rule_shows_the_initials(string picture)
    {
        var page = await OverviewAsync(Portal, picture);

        Assert.Null(page.QuerySelector("img.avatar"));
        Assert.Equal("AE", page.GetElementById("avatar-initials")!.TextContent.Trim());
        Assert.DoesNotContain(picture, page.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_https_picture_is_shown()
    {
        var page = await OverviewAsync(Portal, "https://images.example.com/alice.png");

        Assert.Equal("https://images.example.com/alice.png", page.QuerySelector("img.avatar")!.GetAttribute("src"));
        Assert.Null(page.GetElementById("avatar-initials"));
    }

    [Fact]
    public async Task A_data_image_is_shown_only_when_the_operator_allows_it()
    {
        await using var allowing = PortalFactory.For(Provider, new Dictionary<string, string?> { ["Profiles:Profile:AllowDataImagePictures"] = "true" });
        const string picture = "data:image/png;base64,iVBORw0KGgo=";

        var page = await OverviewAsync(allowing, picture);

        Assert.Equal(picture, page.QuerySelector("img.avatar")!.GetAttribute("src"));
        var script = await OverviewAsync(allowing, "data:text/html;base64,PHNjcmlwdD4=");
        Assert.Null(script.QuerySelector("img.avatar"));
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> OverviewAsync(PortalFactory portal, string picture)
    {
        portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SampleProfiles.Alice() with { Picture = picture });
        var client = portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);
        return await PortalSession.GetDocumentAsync(client, "/");
    }
}
