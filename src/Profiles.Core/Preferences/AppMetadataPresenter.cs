using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Profiles.Core.Profiles;

namespace Profiles.Core.Preferences;

/// <summary>Shows the operator-declared <c>app_metadata</c> keys (and only those) in plain language.</summary>
public sealed class AppMetadataPresenter(IOptions<AppMetadataDisplayOptions> options)
{
    /// <summary>One item per declared key present in the profile, in declaration order. <paramref name="yesText"/> and
    /// <paramref name="noText"/> are the portal's localized words for <c>yesno</c> fields without value labels.</summary>
    public IReadOnlyList<AppMetadataItem> Present(UserProfile profile, CultureInfo culture, string yesText = "Yes", string noText = "No")
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(culture);
        var items = new List<AppMetadataItem>();
        foreach (var field in options.Value.Fields)
        {
            if (!profile.AppMetadata.TryGetPropertyValue(field.Key, out var node) || node is null)
            {
                continue;
            }

            var display = Format(field, node, culture, yesText, noText);
            if (display is not null)
            {
                items.Add(new AppMetadataItem(field.Key, field.GetLabel(culture), display, field.GetHelp(culture)));
            }
        }

        return items;
    }

    private static string? Format(AppMetadataField field, JsonNode node, CultureInfo culture, string yesText, string noText) =>
        field.Format.ToLowerInvariant() switch
        {
            "date" => FormatDate(node, culture),
            "list" => node is JsonArray array
                ? string.Join(", ", array.Where(item => item is not null).Select(item => LabelOrText(field, item!, culture)))
                : LabelOrText(field, node, culture),
            "yesno" => FormatYesNo(field, node, culture, yesText, noText),
            _ => LabelOrText(field, node, culture),
        };

    private static string FormatDate(JsonNode node, CultureInfo culture)
    {
        var text = Text(node, culture);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime.ToString("D", culture)
            : text;
    }

    private static string? FormatYesNo(AppMetadataField field, JsonNode node, CultureInfo culture, string yesText, string noText)
    {
        bool? flag = node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(node.GetValue<string>(), out var parsed) => parsed,
            _ => null,
        };
        if (flag is null)
        {
            return null;
        }

        var key = flag.Value ? "true" : "false";
        return field.ValueLabels.TryGetValue(key, out var labels) && LocalizedText.Pick(labels, culture) is { } label
            ? label
            : flag.Value ? yesText : noText;
    }

    private static string LabelOrText(AppMetadataField field, JsonNode node, CultureInfo culture)
    {
        var text = Text(node, culture);
        return field.ValueLabels.TryGetValue(text, out var labels) && LocalizedText.Pick(labels, culture) is { } label ? label : text;
    }

    private static string Text(JsonNode node, CultureInfo culture) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.GetValue<decimal>().ToString(culture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };
}
