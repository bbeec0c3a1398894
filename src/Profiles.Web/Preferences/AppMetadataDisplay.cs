using System.Globalization;
using Microsoft.Extensions.Localization;
using System.Text.Json.Nodes;
using Profiles.Core.Preferences;
using Profiles.Web.Localization;

namespace Profiles.Web.Preferences;

/// <summary>Formats one declared <c>app_metadata</c> value in plain language for the overview.</summary>
public static class AppMetadataDisplay
{
    public static string Format(AppMetadataField field, JsonObject appMetadata, IStringLocalizer localizer)
    {
        var values = MetadataText.AsList(appMetadata, field.Key);
        if (values.Count == 0)
        {
            return localizer["Overview.NotSet"];
        }

        return field.Format switch
        {
            "date" => DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? date.ToString("D", CultureInfo.CurrentCulture)
                : values[0],
            "yesno" => string.Equals(values[0], "true", StringComparison.OrdinalIgnoreCase) ? localizer["Common.Yes"] : localizer["Common.No"],
            _ => string.Join(", ", values.Select(value => ValueLabel(field, value))),
        };
    }

    private static string ValueLabel(AppMetadataField field, string value) =>
        field.ValueLabels.TryGetValue(value, out var labels) && labels.Count > 0 ? PortalCultures.Pick(labels) : value;
}
