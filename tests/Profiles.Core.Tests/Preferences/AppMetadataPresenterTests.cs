using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;

namespace Profiles.Core.Tests.Preferences;

public sealed class AppMetadataPresenterTests
{
    private static readonly AppMetadataDisplayOptions Display = new()
    {
        Fields =
        [
            new AppMetadataField
            {
                Key = "plan", Label = new() { ["en"] = "Plan", ["fr"] = "Formule" },
                Help = new() { ["en"] = "Your subscription" },
                ValueLabels = new() { ["premium"] = new() { ["en"] = "Premium plan", ["fr"] = "Formule Premium" } },
            },
            new AppMetadataField { Key = "member_since", Format = "date", Label = new() { ["en"] = "Member since" } },
            new AppMetadataField { Key = "groups", Format = "list", Label = new() { ["en"] = "Groups" }, ValueLabels = new() { ["eng"] = new() { ["en"] = "Engineering" } } },
            new AppMetadataField { Key = "verified_employee", Format = "yesno", Label = new() { ["en"] = "Verified employee" } },
            new AppMetadataField { Key = "absent", Label = new() { ["en"] = "Never shown" } },
        ],
    };

    private static UserProfile Profile(JsonObject appMetadata) => new("auth0|1", null, false, null, null, null, null, null, null, null, [], [], appMetadata, false, "db", true);

    [Fact]
    public void Shows_declared_keys_only_in_plain_language()
    {
        var presenter = new AppMetadataPresenter(Options.Create(Display));
        var profile = Profile(new JsonObject
        {
            ["plan"] = "premium", ["member_since"] = "2023-01-25T19:00:26.539Z", ["groups"] = new JsonArray("eng", "ops"),
            ["verified_employee"] = true, ["roles"] = new JsonArray("admin"),
        });

        var items = presenter.Present(profile, CultureInfo.GetCultureInfo("en-US"), "Yes", "No");

        Assert.Equal(["plan", "member_since", "groups", "verified_employee"], items.Select(item => item.Key));
        Assert.Equal(new AppMetadataItem("plan", "Plan", "Premium plan", "Your subscription"), items[0]);
        Assert.Equal("Wednesday, January 25, 2023", items[1].DisplayValue);
        Assert.Equal("Engineering, ops", items[2].DisplayValue);
        Assert.Equal("Yes", items[3].DisplayValue);
    }

    [Fact]
    public void Uses_the_culture_with_english_fallback()
    {
        var presenter = new AppMetadataPresenter(Options.Create(Display));
        var profile = Profile(new JsonObject { ["plan"] = "premium", ["member_since"] = "2023-01-25", ["verified_employee"] = false });

        var items = presenter.Present(profile, CultureInfo.GetCultureInfo("fr-CA"), "Oui", "Non");

        Assert.Equal("Formule", items[0].Label);
        Assert.Equal("Formule Premium", items[0].DisplayValue);
        Assert.Equal("Your subscription", items[0].Help);
        Assert.Equal("Member since", items[1].Label);
        Assert.Equal(new DateTime(2023, 1, 25).ToString("D", CultureInfo.GetCultureInfo("fr-CA")), items[1].DisplayValue);
        Assert.Equal("Non", items[2].DisplayValue);
    }

    [Fact]
    public void Preference_labels_fall_back_to_english_then_the_key()
    {
        var field = new PreferenceField { Key = "tz", Label = new() { ["en"] = "Time zone", ["de"] = "Zeitzone" }, Help = new() { ["fr"] = "Fuseau" } };

        Assert.Equal("Zeitzone", field.GetLabel(CultureInfo.GetCultureInfo("de-AT")));
        Assert.Equal("Time zone", field.GetLabel(CultureInfo.GetCultureInfo("nl-NL")));
        Assert.Equal("Fuseau", field.GetHelp(CultureInfo.GetCultureInfo("nl-NL")));
        Assert.Equal("tz", new PreferenceField { Key = "tz" }.GetLabel(CultureInfo.InvariantCulture));
        Assert.Equal("Europe/Paris", new PreferenceOption { Value = "Europe/Paris" }.GetLabel(CultureInfo.GetCultureInfo("fr")));
    }
}
