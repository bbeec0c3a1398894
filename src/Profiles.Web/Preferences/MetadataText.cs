using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.Web.Preferences;

/// <summary>Reads first-level metadata values as the strings a form shows.</summary>
public static class MetadataText
{
    public static string? AsString(JsonObject metadata, string key)
    {
        if (!metadata.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            return value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetValue<double>().ToString(CultureInfo.InvariantCulture),
                _ => value.ToJsonString(),
            };
        }

        return node.ToJsonString();
    }

    public static bool IsTrue(JsonObject metadata, string key) =>
        string.Equals(AsString(metadata, key), "true", StringComparison.OrdinalIgnoreCase);
}
