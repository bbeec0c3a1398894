using Profiles.Core.Profiles;

namespace Profiles.Core.Tests.Profiles;

/// <summary>One rule for pictures, typed or stored.</summary>
public sealed class PictureUrlTests
{
    [Theory]
    [InlineData("https://images.example.com/a.png", false, true)]
    [InlineData("javascript:alert(1)", false, false)]
    [InlineData("javascript:alert(1)", true, false)]
    [InlineData("http://images.example.com/a.png", false, false)]
    [InlineData("file:///etc/passwd", false, false)]
    [InlineData("https://user:pw@images.example.com/a.png", false, false)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", false, false)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", true, true)]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=", true, false)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", true, false)]
    [InlineData("data:image/png;base64,<script>", true, false)]
    [InlineData("", false, false)]
    public void Only_https_and_allowed_data_images_pass(string value, bool allowDataImages, bool allowed) =>
        Assert.Equal(allowed, PictureUrl.IsAllowed(value, allowDataImages));

    [Fact]
    public void The_editor_applies_the_same_rule()
    {
        var (_, refused) = ProfileEditValidator.Validate(new ProfileEdit("n", null, null, null, "javascript:alert(1)"));
        var (_, dataRefused) = ProfileEditValidator.Validate(new ProfileEdit("n", null, null, null, "data:image/png;base64,iVBORw0KGgo="));
        var (_, dataAllowed) = ProfileEditValidator.Validate(new ProfileEdit("n", null, null, null, "data:image/png;base64,iVBORw0KGgo="), allowDataImages: true);

        Assert.Equal(ProfileErrorCodes.InvalidPicture, refused["Picture"].Code);
        Assert.Equal(ProfileErrorCodes.InvalidPicture, dataRefused["Picture"].Code);
        Assert.Empty(dataAllowed);
    }
}
