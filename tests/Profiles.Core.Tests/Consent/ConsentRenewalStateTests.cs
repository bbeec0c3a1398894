using System.Text.Json.Nodes;
using Profiles.Core.Consent;
using Profiles.Core.Preferences;

namespace Profiles.Core.Tests.Consent;

/// <summary>Which consents count after the operator changes a consent's wording version.</summary>
public sealed class ConsentRenewalStateTests
{
    private static readonly DateTimeOffset Given = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Given.AddDays(30);

    private static readonly PreferenceField Newsletter = new()
    {
        Key = "newsletter_opt_in",
        Type = "checkbox",
        Consent = new ConsentDeclaration { WordingVersion = "2026-06" },
    };

    [Fact]
    public void A_consent_given_under_an_earlier_wording_needs_renewing_and_does_not_count()
    {
        var state = ConsentService.StateOf(Newsletter, Held(true), [new("newsletter_opt_in", true, Given, "2026-01")]);

        Assert.False(state.Given);
        Assert.True(state.NeedsRenewal);
        Assert.Equal("2026-01", state.GivenUnderWording);
        Assert.Equal(Given, state.Since);
    }

    [Fact]
    public void A_consent_given_under_the_current_wording_counts()
    {
        var state = ConsentService.StateOf(Newsletter, Held(true),
            [new("newsletter_opt_in", true, Later, "2026-06"), new("newsletter_opt_in", true, Given, "2026-01")]);

        Assert.True(state.Given);
        Assert.False(state.NeedsRenewal);
        Assert.Equal(Later, state.Since);
    }

    [Fact]
    public void A_withdrawn_consent_stays_not_given_whatever_the_wording()
    {
        var state = ConsentService.StateOf(Newsletter, Held(false),
            [new("newsletter_opt_in", false, Later, "2026-01"), new("newsletter_opt_in", true, Given, "2026-01")]);

        Assert.False(state.Given);
        Assert.False(state.NeedsRenewal);
        Assert.Equal(Later, state.Since);
    }

    [Fact]
    public void A_consent_held_without_any_record_counts_because_its_wording_is_unknown()
    {
        var state = ConsentService.StateOf(Newsletter, Held(true), []);

        Assert.True(state.Given);
        Assert.False(state.NeedsRenewal);
        Assert.Null(state.Since);
    }

    [Fact]
    public void Only_the_records_of_the_same_preference_decide()
    {
        var state = ConsentService.StateOf(Newsletter, Held(true),
            [new("other_consent", true, Later, "2026-01"), new("newsletter_opt_in", true, Given, "2026-06")]);

        Assert.True(state.Given);
        Assert.False(state.NeedsRenewal);
    }

    private static JsonObject Held(bool value) => new() { ["newsletter_opt_in"] = value };
}
