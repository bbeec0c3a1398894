using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Profiles;

public sealed class ProfileServicePreferencesTests
{
    private const string UserId = ProfileServiceHarness.UserId;

    private static PreferencesOptions Declared(int maxBytes = 4096) => new()
    {
        MaxMetadataBytes = maxBytes,
        Fields =
        [
            new PreferenceField { Key = "language", Type = "select", Options = [new() { Value = "en" }, new() { Value = "fr" }] },
            new PreferenceField { Key = "bio", Type = "textarea" },
            new PreferenceField { Key = "newsletter", Type = "checkbox", ConsentTimestampKey = "newsletter_consent_at" },
            new PreferenceField { Key = "shoe_size", Type = "number", Min = "30", Max = "50" },
        ],
    };

    private static ProfileServiceHarness Harness(string metadata, int maxBytes = 4096) => new(Fixtures.User(metadata: metadata), Declared(maxBytes));

    [Fact]
    public async Task Only_changed_declared_keys_are_sent_and_undeclared_keys_are_ignored()
    {
        using var harness = Harness("""{"language":"en","bio":"Hi","newsletter":true,"shoe_size":42,"internal":"keep"}""");

        var result = await harness.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?>
        {
            ["language"] = "fr", ["bio"] = "Hi", ["newsletter"] = "on", ["shoe_size"] = "42.0", ["internal"] = "hacked", ["plan"] = "gold",
        }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("""{"user_metadata":{"language":"fr"}}""", Assert.Single(harness.Sent));
        Assert.Equal("fr", (string?)result.Value!.UserMetadata["language"]);
        Assert.Equal("keep", (string?)result.Value!.UserMetadata["internal"]);
    }

    [Fact]
    public async Task Cleared_values_are_sent_as_null()
    {
        using var harness = Harness("""{"language":"en","bio":"Hi","shoe_size":42}""");

        var result = await harness.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?>
        {
            ["language"] = "en", ["bio"] = "  ", ["shoe_size"] = null,
        }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("""{"user_metadata":{"bio":null,"shoe_size":null}}""", Assert.Single(harness.Sent));
    }

    [Fact]
    public async Task Nothing_is_sent_when_nothing_changed()
    {
        using var harness = Harness("""{"language":"en"}""");

        var result = await harness.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?> { ["language"] = "en" }, CancellationToken.None);

        Assert.Equal(ProfileSuccessCodes.NothingChanged, result.Code);
        Assert.Empty(harness.Sent);
    }

    [Fact]
    public async Task Giving_consent_records_when_and_withdrawing_removes_it()
    {
        using var harness = Harness("""{"language":"en"}""");
        harness.Time.Advance(TimeSpan.FromMilliseconds(1234));

        var given = await harness.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?> { ["language"] = "en", ["newsletter"] = "true" }, CancellationToken.None);

        Assert.True(given.Succeeded);
        Assert.Equal("""{"user_metadata":{"newsletter":true,"newsletter_consent_at":"2026-03-01T12:00:01.234Z"}}""", harness.Sent[0]);

        using var withdrawing = Harness("""{"language":"en","newsletter":true,"newsletter_consent_at":"2026-01-01T00:00:00.000Z"}""");
        var withdrawn = await withdrawing.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?> { ["language"] = "en" }, CancellationToken.None);

        Assert.True(withdrawn.Succeeded);
        Assert.Equal("""{"user_metadata":{"newsletter":false,"newsletter_consent_at":null}}""", withdrawing.Sent[0]);
        Assert.False(withdrawn.Value!.UserMetadata.ContainsKey("newsletter_consent_at"));
    }

    [Fact]
    public async Task An_unticked_checkbox_that_was_never_set_is_not_a_change()
    {
        using var harness = Harness("""{"language":"en"}""");

        var result = await harness.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?> { ["language"] = "en" }, CancellationToken.None);

        Assert.Equal(ProfileSuccessCodes.NothingChanged, result.Code);
    }

    [Fact]
    public async Task Metadata_that_would_grow_past_the_limit_is_refused()
    {
        using var harness = Harness("""{"language":"en"}""", maxBytes: 200);

        var result = await harness.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?> { ["language"] = "en", ["bio"] = new string('b', 300) }, CancellationToken.None);

        Assert.Equal(ProfileErrorCodes.PreferencesTooLarge, result.Code);
        Assert.Equal([200], result.Arguments);
        Assert.Empty(harness.Sent);
    }

    [Fact]
    public async Task Invalid_values_are_reported_by_key_without_calling_auth0()
    {
        using var harness = Harness("""{"language":"en"}""");

        var result = await harness.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?> { ["language"] = "de", ["shoe_size"] = "99" }, CancellationToken.None);

        Assert.Equal(ProfileErrorCodes.PreferenceInvalidChoice, result.FieldErrors.Single(e => e.Field == "language").Code);
        Assert.Equal(ProfileErrorCodes.PreferenceOutOfRange, result.FieldErrors.Single(e => e.Field == "shoe_size").Code);
        harness.Users.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task App_metadata_is_never_written()
    {
        using var harness = Harness("""{"language":"en"}""");

        await harness.Service.UpdatePreferencesAsync(UserId, new Dictionary<string, string?> { ["language"] = "fr", ["app_metadata"] = "{\"role\":\"admin\"}" }, CancellationToken.None);

        Assert.All(harness.SentRequests, request => Assert.DoesNotContain("app_metadata", request.AssignedKeys));
    }
}
