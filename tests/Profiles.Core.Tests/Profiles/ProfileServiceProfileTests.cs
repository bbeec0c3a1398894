using System.Net;
using Moq;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Profiles;

public sealed class ProfileServiceProfileTests
{
    private const string UserId = ProfileServiceHarness.UserId;

    private static ProfileEdit Edit(UserProfile profile) => new(profile.Name, profile.Nickname, profile.GivenName, profile.FamilyName, profile.Picture);

    [Fact]
    public async Task Profile_is_read_once_per_cache_window()
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);

        var first = await harness.Service.GetProfileAsync(UserId, CancellationToken.None);
        var second = await harness.Service.GetProfileAsync(UserId, CancellationToken.None);

        Assert.Same(first, second);
        harness.Users.Verify(users => users.GetAsync(UserId, null, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("Chucky", first.Nickname);
        Assert.False(first.ProfileIsReadOnly);
        Assert.True(first.HasDatabaseIdentity);
        Assert.Equal("Username-Password-Authentication", first.PrimaryConnection);
        var identity = Assert.Single(first.Identities);
        Assert.True(identity.IsPrimary);
        Assert.Equal("chuck878@example.com", identity.Email);
    }

    [Fact]
    public async Task Only_changed_fields_are_sent_in_one_patch_and_the_answer_is_cached()
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);
        var current = await harness.Service.GetProfileAsync(UserId, CancellationToken.None);

        var result = await harness.Service.UpdateProfileAsync(UserId, Edit(current) with { Nickname = "  Chuck  ", FamilyName = "" }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.NotEqual(ProfileSuccessCodes.NothingChanged, result.Code);
        Assert.Equal("""{"nickname":"Chuck","family_name":null}""", Assert.Single(harness.Sent));
        Assert.Equal("Chuck", result.Value!.Nickname);
        Assert.Null(result.Value!.FamilyName);
        Assert.Same(result.Value, await harness.Service.GetProfileAsync(UserId, CancellationToken.None));
        harness.Users.Verify(users => users.GetAsync(UserId, null, It.IsAny<CancellationToken>()), Times.Once);
        harness.Users.Verify(users => users.UpdateAsync(UserId, It.IsAny<Core.Management.Models.UserUpdateRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Null(harness.SentRequests[0].AppMetadata);
    }

    [Fact]
    public async Task Nothing_is_sent_when_nothing_changed()
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);
        var current = await harness.Service.GetProfileAsync(UserId, CancellationToken.None);

        var result = await harness.Service.UpdateProfileAsync(UserId, Edit(current) with { Name = " " + current.Name + " " }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(ProfileSuccessCodes.NothingChanged, result.Code);
        Assert.Empty(harness.Sent);
    }

    public static TheoryData<ProfileEdit, string, string> InvalidEdits => new()
    {
        { new ProfileEdit(new string('n', 151), null, null, null, null), nameof(ProfileEdit.Name), ProfileErrorCodes.TooLong },
        { new ProfileEdit(null, new string('n', 301), null, null, null), nameof(ProfileEdit.Nickname), ProfileErrorCodes.TooLong },
        { new ProfileEdit(null, null, new string('g', 151), null, null), nameof(ProfileEdit.GivenName), ProfileErrorCodes.TooLong },
        { new ProfileEdit(null, null, null, new string('f', 151), null), nameof(ProfileEdit.FamilyName), ProfileErrorCodes.TooLong },
        { new ProfileEdit(null, null, null, null, "http://example.com/me.png"), nameof(ProfileEdit.Picture), ProfileErrorCodes.InvalidPicture },
        { new ProfileEdit(null, null, null, null, "/me.png"), nameof(ProfileEdit.Picture), ProfileErrorCodes.InvalidPicture },
        { new ProfileEdit(null, null, null, null, "javascript:alert(1)"), nameof(ProfileEdit.Picture), ProfileErrorCodes.InvalidPicture },
        { new ProfileEdit(null, null, null, null, "https://example.com/" + new string('p', 2000)), nameof(ProfileEdit.Picture), ProfileErrorCodes.InvalidPicture },
    };

    [Theory]
    [MemberData(nameof(InvalidEdits))]
    public async Task Invalid_fields_are_reported_without_calling_auth0(ProfileEdit edit, string field, string code)
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);

        var result = await harness.Service.UpdateProfileAsync(UserId, edit, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.FieldErrors.Single(e => e.Field == field).Code);
        Assert.Single(result.FieldErrors);
        harness.Users.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Limits_are_inclusive()
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);

        var result = await harness.Service.UpdateProfileAsync(UserId,
            new ProfileEdit(new string('n', 150), new string('k', 300), new string('g', 150), new string('f', 150), "https://cdn.example/a.png"), CancellationToken.None);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Social_profiles_synced_at_login_are_read_only()
    {
        using var harness = new ProfileServiceHarness(Fixtures.SocialUser);
        var current = await harness.Service.GetProfileAsync(UserId, CancellationToken.None);

        var result = await harness.Service.UpdateProfileAsync(UserId, Edit(current) with { Nickname = "new" }, CancellationToken.None);

        Assert.True(current.ProfileIsReadOnly);
        Assert.Equal("github", current.PrimaryConnection);
        Assert.True(current.HasDatabaseIdentity);
        Assert.Equal("12345678", current.Identities[0].UserId);
        Assert.Equal("second@example.com", current.Identities[1].Email);
        Assert.Equal(ProfileErrorCodes.ReadOnly, result.Code);
        Assert.Empty(harness.Sent);
    }

    [Fact]
    public async Task Listed_social_connections_are_editable()
    {
        using var harness = new ProfileServiceHarness(Fixtures.SocialUser, profileOptions: new ProfileOptions { EditableSocialConnections = ["GitHub"] });
        var current = await harness.Service.GetProfileAsync(UserId, CancellationToken.None);

        var result = await harness.Service.UpdateProfileAsync(UserId, Edit(current) with { Nickname = "new" }, CancellationToken.None);

        Assert.False(current.ProfileIsReadOnly);
        Assert.True(result.Succeeded);
        Assert.Equal("""{"nickname":"new"}""", Assert.Single(harness.Sent));
    }

    public static TheoryData<HttpStatusCode, string?, string> Failures => new()
    {
        { HttpStatusCode.BadRequest, "invalid_body", ProfileErrorCodes.Rejected },
        { HttpStatusCode.ServiceUnavailable, null, ProfileErrorCodes.Unavailable },
        { HttpStatusCode.GatewayTimeout, ManagementApiException.TimeoutErrorCode, ProfileErrorCodes.Unavailable },
        { HttpStatusCode.ServiceUnavailable, ManagementApiException.CircuitOpenErrorCode, ProfileErrorCodes.Unavailable },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Expected_failures_become_results(HttpStatusCode status, string? errorCode, string expected)
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);
        harness.Users.Setup(users => users.UpdateAsync(UserId, It.IsAny<Core.Management.Models.UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(status, errorCode, "m", null));

        var result = await harness.Service.UpdateProfileAsync(UserId, new ProfileEdit("New", null, null, null, null), CancellationToken.None);

        Assert.Equal(expected, result.Code);
    }

    [Fact]
    public async Task Rate_limits_tell_when_to_try_again()
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);
        harness.Users.Setup(users => users.UpdateAsync(UserId, It.IsAny<Core.Management.Models.UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.TooManyRequests, "too_many_requests", "m", new RateLimitInfo(2, 0, null, TimeSpan.FromSeconds(7.2))));

        var result = await harness.Service.UpdateProfileAsync(UserId, new ProfileEdit("New", null, null, null, null), CancellationToken.None);

        Assert.Equal(ProfileErrorCodes.RateLimited, result.Code);
        Assert.Equal(TimeSpan.FromSeconds(7.2), result.RetryAfter);
        Assert.Equal([8], result.Arguments);
    }

    [Fact]
    public async Task A_missing_user_is_unexpected_and_throws()
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);
        harness.Users.Setup(users => users.GetAsync(UserId, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.NotFound, "inexistent_user", "The user does not exist.", null));

        await Assert.ThrowsAsync<ManagementApiException>(() => harness.Service.UpdateProfileAsync(UserId, new ProfileEdit("New", null, null, null, null), CancellationToken.None));
    }
}
