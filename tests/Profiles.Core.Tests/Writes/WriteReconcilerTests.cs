using System.Net;
using Moq;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Tests.Infrastructure;
using Profiles.Core.Tests.Profiles;
using Profiles.Core.Writes;

namespace Profiles.Core.Tests.Writes;

/// <summary>After a write whose answer is lost, the user is told what Auth0 actually stores (re-read once), and the cache never
/// keeps the pre-write copy.</summary>
public sealed class WriteReconcilerTests
{
    private const string UserId = ProfileServiceHarness.UserId;

    public static TheoryData<HttpStatusCode, string?, bool> Uncertainty => new()
    {
        { HttpStatusCode.ServiceUnavailable, null, true },
        { HttpStatusCode.InternalServerError, null, true },
        { HttpStatusCode.GatewayTimeout, ManagementApiException.TimeoutErrorCode, true },
        { HttpStatusCode.InternalServerError, ManagementApiException.NetworkErrorCode, true },
        // The last attempt's 429 or open circuit may follow an earlier attempt whose answer was lost.
        { HttpStatusCode.ServiceUnavailable, ManagementApiException.CircuitOpenErrorCode, true },
        { HttpStatusCode.TooManyRequests, "too_many_requests", true },
        { HttpStatusCode.BadRequest, "invalid_body", false },
        { HttpStatusCode.Conflict, "identity_conflict", false },
    };

    [Theory]
    [MemberData(nameof(Uncertainty))]
    public void Every_transient_failure_is_uncertain_and_refusals_are_not(HttpStatusCode status, string? errorCode, bool uncertain) =>
        Assert.Equal(uncertain, WriteReconciler.IsUncertain(new ManagementApiException(status, errorCode, "m", null)));

    [Fact]
    public async Task A_change_that_took_effect_before_its_answer_was_lost_is_reported_saved_and_cached()
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);
        var current = await harness.Service.GetProfileAsync(UserId, CancellationToken.None);
        var stored = ProfileServiceHarness.Parse(Fixtures.DatabaseUser);
        harness.Users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .Callback<string, UserUpdateRequest, CancellationToken>((_, request, _) => stored.Nickname = request.Nickname)
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "lost", null));
        harness.Users.Setup(u => u.GetAsync(UserId, null, It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);

        var result = await harness.Service.UpdateProfileAsync(UserId, Edit(current, "Changed"), CancellationToken.None);
        var again = await harness.Service.UpdateProfileAsync(UserId, Edit(current, current.Nickname), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.NotEqual(ProfileSuccessCodes.NothingChanged, result.Code);
        Assert.Equal("Changed", result.Value!.Nickname);
        // Going back to the old value is a real change now, sent to Auth0 (the cache no longer holds the pre-write copy).
        Assert.NotEqual(ProfileSuccessCodes.NothingChanged, again.Code);
        harness.Users.Verify(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_change_that_did_not_take_effect_is_reported_not_saved()
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);
        var current = await harness.Service.GetProfileAsync(UserId, CancellationToken.None);
        harness.Users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.GatewayTimeout, ManagementApiException.TimeoutErrorCode, "lost", null));

        var result = await harness.Service.UpdateProfileAsync(UserId, Edit(current, "Changed"), CancellationToken.None);

        Assert.Equal(ProfileErrorCodes.Unavailable, result.Code);
        harness.Users.Verify(u => u.GetAsync(UserId, null, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_failed_re_read_is_reported_unconfirmed_and_drops_the_cached_profile()
    {
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser);
        var current = await harness.Service.GetProfileAsync(UserId, CancellationToken.None);
        harness.Users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.InternalServerError, ManagementApiException.NetworkErrorCode, "drop", null));
        harness.Users.Setup(u => u.GetAsync(UserId, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "down", null));

        var result = await harness.Service.UpdateProfileAsync(UserId, Edit(current, "Changed"), CancellationToken.None);

        Assert.Equal(ProfileErrorCodes.Unconfirmed, result.Code);
        await Assert.ThrowsAsync<ManagementApiException>(() => harness.Service.GetProfileAsync(UserId, CancellationToken.None));
    }

    [Fact]
    public async Task Preferences_lost_after_taking_effect_are_reported_saved()
    {
        var preferences = new Core.Preferences.PreferencesOptions
        {
            Fields = [new Core.Preferences.PreferenceField { Key = "salutation", Type = "text", Label = new() { ["en"] = "Salutation" } }],
        };
        using var harness = new ProfileServiceHarness(Fixtures.DatabaseUser, preferences);
        await harness.Service.GetProfileAsync(UserId, CancellationToken.None);
        var stored = ProfileServiceHarness.Parse(Fixtures.DatabaseUser);
        harness.Users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .Callback<string, UserUpdateRequest, CancellationToken>((_, request, _) =>
            {
                stored.UserMetadata ??= [];
                foreach (var (key, value) in request.UserMetadata!)
                {
                    stored.UserMetadata[key] = value?.DeepClone();
                }
            })
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.BadGateway, null, "lost", null));
        harness.Users.Setup(u => u.GetAsync(UserId, null, It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);

        var result = await harness.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?> { ["salutation"] = "Dr" }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("Dr", result.Value!.UserMetadata["salutation"]!.GetValue<string>());
    }

    private static ProfileEdit Edit(UserProfile current, string? nickname) =>
        new(current.Name, nickname, current.GivenName, current.FamilyName, current.Picture);
}
