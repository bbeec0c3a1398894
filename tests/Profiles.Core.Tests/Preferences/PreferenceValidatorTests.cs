using Profiles.Core.Preferences;
using Profiles.Core.Profiles;

namespace Profiles.Core.Tests.Preferences;

public sealed class PreferenceValidatorTests
{
    private static readonly PreferenceValidator Validator = new();

    public static TheoryData<PreferenceField, string?, string?, string?> Cases => new()
    {
        // field, raw value, expected JSON (when valid), expected error code
        { new PreferenceField { Key = "k", Type = "text" }, "  hello ", "\"hello\"", null },
        { new PreferenceField { Key = "k", Type = "text" }, "", "null", null },
        { new PreferenceField { Key = "k", Type = "text", Required = true }, " ", null, ProfileErrorCodes.PreferenceRequired },
        { new PreferenceField { Key = "k", Type = "text" }, new string('a', 501), null, ProfileErrorCodes.PreferenceTooLong },
        { new PreferenceField { Key = "k", Type = "textarea", MaxLength = 10 }, new string('a', 10), "\"aaaaaaaaaa\"", null },
        { new PreferenceField { Key = "k", Type = "textarea", MaxLength = 10 }, new string('a', 11), null, ProfileErrorCodes.PreferenceTooLong },
        { new PreferenceField { Key = "k", Type = "text", Pattern = "[A-Z]{2}" }, "FR", "\"FR\"", null },
        { new PreferenceField { Key = "k", Type = "text", Pattern = "[A-Z]{2}" }, "FRA", null, ProfileErrorCodes.PreferencePatternMismatch },
        { new PreferenceField { Key = "k", Type = "select", Options = [new() { Value = "a" }] }, "a", "\"a\"", null },
        { new PreferenceField { Key = "k", Type = "select", Options = [new() { Value = "a" }] }, "A", null, ProfileErrorCodes.PreferenceInvalidChoice },
        { new PreferenceField { Key = "k", Type = "select", OptionsSource = "time-zones" }, "Europe/Paris", "\"Europe/Paris\"", null },
        { new PreferenceField { Key = "k", Type = "select", OptionsSource = "time-zones" }, "Mars/Olympus", null, ProfileErrorCodes.PreferenceInvalidChoice },
        { new PreferenceField { Key = "k", Type = "checkbox" }, "on", "true", null },
        { new PreferenceField { Key = "k", Type = "checkbox" }, "true", "true", null },
        { new PreferenceField { Key = "k", Type = "checkbox" }, null, "false", null },
        { new PreferenceField { Key = "k", Type = "checkbox" }, "yes please", null, ProfileErrorCodes.PreferenceInvalidChoice },
        { new PreferenceField { Key = "k", Type = "checkbox", Required = true }, "", null, ProfileErrorCodes.PreferenceRequired },
        { new PreferenceField { Key = "k", Type = "date" }, "2001-02-03", "\"2001-02-03\"", null },
        { new PreferenceField { Key = "k", Type = "date" }, "03/02/2001", null, ProfileErrorCodes.PreferenceInvalidDate },
        { new PreferenceField { Key = "k", Type = "date" }, "2001-02-30", null, ProfileErrorCodes.PreferenceInvalidDate },
        { new PreferenceField { Key = "k", Type = "date", Min = "1900-01-01", Max = "2020-12-31" }, "2021-01-01", null, ProfileErrorCodes.PreferenceOutOfRange },
        { new PreferenceField { Key = "k", Type = "number" }, "-1.50", "-1.5", null },
        { new PreferenceField { Key = "k", Type = "number" }, "1,5", null, ProfileErrorCodes.PreferenceInvalidNumber },
        { new PreferenceField { Key = "k", Type = "number" }, "1e3", null, ProfileErrorCodes.PreferenceInvalidNumber },
        { new PreferenceField { Key = "k", Type = "number", Min = "0", Max = "10" }, "10", "10", null },
        { new PreferenceField { Key = "k", Type = "number", Min = "0", Max = "10" }, "10.01", null, ProfileErrorCodes.PreferenceOutOfRange },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_are_parsed_per_declared_type(PreferenceField field, string? raw, string? expectedJson, string? expectedError)
    {
        var values = new Dictionary<string, string?>();
        if (raw is not null)
        {
            values[field.Key] = raw;
        }

        var result = Validator.Validate([field], values);

        if (expectedError is null)
        {
            Assert.True(result.IsValid);
            var node = result.Values[field.Key];
            Assert.Equal(expectedJson, node is null ? "null" : node.ToJsonString());
        }
        else
        {
            Assert.False(result.IsValid);
            Assert.Equal(expectedError, result.Errors[field.Key].Code);
        }
    }

    [Fact]
    public void Undeclared_keys_are_ignored()
    {
        var result = Validator.Validate([new PreferenceField { Key = "k", Type = "text" }], new Dictionary<string, string?> { ["k"] = "v", ["other"] = "x" });

        Assert.Equal(["k"], result.Values.Keys);
        Assert.Equal("v", (string?)result.Values["k"]);
    }

    [Fact]
    public void Time_zone_choices_are_iana_ids()
    {
        var zones = PreferenceChoices.For(new PreferenceField { Type = "select", OptionsSource = "time-zones" });

        Assert.Contains(zones, option => option.Value == "America/New_York");
        Assert.DoesNotContain(zones, option => option.Value == "Eastern Standard Time");
    }

    [Fact]
    public void Options_validation_names_the_bad_setting()
    {
        var options = new PreferencesOptions
        {
            Fields =
            [
                new PreferenceField { Key = "a.b", Type = "text" },
                new PreferenceField { Key = "sel", Type = "select" },
                new PreferenceField { Key = "c", Type = "colour" },
                new PreferenceField { Key = "t", Type = "text", ConsentTimestampKey = "t_at" },
            ],
        };

        var result = new PreferencesOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Profiles:Preferences:Fields:0:Key", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Profiles:Preferences:Fields:1", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Profiles:Preferences:Fields:2:Type", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Profiles:Preferences:Fields:3:ConsentTimestampKey", StringComparison.Ordinal));
    }
}
