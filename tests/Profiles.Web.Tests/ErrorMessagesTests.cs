using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Profiles.Core.Profiles;
using Profiles.Web.Localization;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>Core's error codes with the arguments <see cref="ProfileErrorCodes"/> documents become readable sentences.</summary>
public sealed class ErrorMessagesTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new("tenant.example");
    private IStringLocalizer _localizer = null!;

    public Task InitializeAsync()
    {
        _portal.CreatePortalClient();
        _localizer = _portal.Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(SharedResource));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("Profile.TooLong", new object[] { 150 }, "This is too long: use at most 150 characters.")]
    [InlineData("Profile.TooLong", new object[0], "This is too long.")]
    [InlineData("Profile.InvalidPicture", new object[0], "Enter a web address of an image starting with https://.")]
    [InlineData("Profile.RateLimited", new object[] { 30 }, "Too many changes in a short time. Try again in 30 seconds.")]
    [InlineData("Profile.RateLimited", new object[] { 0 }, "Too many changes in a short time. Try again in a minute.")]
    [InlineData("Preferences.OutOfRange", new object[] { "1", "10" }, "Enter a value from 1 to 10.")]
    [InlineData("Preferences.OutOfRange", new object[] { "2020-01-01", "" }, "Enter a value of at least 2020-01-01.")]
    [InlineData("Preferences.OutOfRange", new object[] { "", "99" }, "Enter a value of at most 99.")]
    [InlineData("Preferences.TooLarge", new object[] { 4096 }, "Your preferences are too large to save (the limit is 4096 bytes). Shorten some of them.")]
    [InlineData("Something.Unknown", new object[0], "This could not be saved. Please check and try again.")]
    public void Codes_and_arguments_become_sentences(string code, object[] arguments, string expected) =>
        Assert.Equal(expected, InEnglish(() => ErrorMessages.Localize(_localizer, new ProfileError(code, arguments))));

    [Fact]
    public void Retry_after_wins_over_the_argument() =>
        Assert.Equal(
            "Too many changes in a short time. Try again in 5 seconds.",
            InEnglish(() => ErrorMessages.Localize(_localizer, new ProfileError(ProfileErrorCodes.RateLimited, 0), TimeSpan.FromSeconds(4.2))));

    private static string InEnglish(Func<string> localize)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        return localize();
    }
}
