using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Management;

/// <summary>Auth0's metadata PATCH semantics: first-level merge, <c>null</c> deletes a key, <c>{}</c> (or <c>null</c>) clears.</summary>
public static class MetadataMerge
{
    /// <returns>The merged metadata, or null when nothing is left (Auth0 then omits the key).</returns>
    public static JsonObject? Merge(JsonObject? existing, JsonNode? patch)
    {
        if (patch is not JsonObject changes || changes.Count == 0)
        {
            return null;
        }

        var merged = existing?.DeepClone().AsObject() ?? [];
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value.DeepClone();
            }
        }

        return merged.Count == 0 ? null : merged;
    }
}
