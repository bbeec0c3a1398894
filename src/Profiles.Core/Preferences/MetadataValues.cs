using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.Core.Preferences;

/// <summary>Compares <c>user_metadata</c> values the way a user would: numbers by value, everything else structurally.</summary>
internal static class MetadataValues
{
    public static bool AreEqual(JsonNode? saved, JsonNode? submitted)
    {
        if (saved is null || submitted is null)
        {
            return saved is null && submitted is null;
        }

        if (saved.GetValueKind() == JsonValueKind.Number && submitted.GetValueKind() == JsonValueKind.Number
            && saved.AsValue().TryGetValue<decimal>(out var left) && submitted.AsValue().TryGetValue<decimal>(out var right))
        {
            return left == right;
        }

        return JsonNode.DeepEquals(saved, submitted);
    }

    public static bool IsTrue(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;
}
