using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Management;

/// <summary>Reads request bodies as JSON objects and their typed members, failing the way Auth0 does.</summary>
public static class ManagementBody
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            throw ManagementProblem.InvalidBody("Invalid request payload JSON format");
        }

        return node as JsonObject ?? throw ManagementProblem.Payload("Expected type object but found type " + TypeName(node));
    }

    /// <summary>JSON-schema type name of a node, as Auth0's validator reports it.</summary>
    public static string TypeName(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => node.ToJsonString().Contains('.', StringComparison.Ordinal) ? "number" : "integer",
        _ => "undefined",
    };

    /// <summary>A string member; absent → null; any other type → 400.</summary>
    public static string? OptionalString(JsonObject body, string name)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw ManagementProblem.Property($"Expected type string but found type {TypeName(node)}", name);
    }

    public static bool? OptionalBool(JsonObject body, string name)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? node.GetValue<bool>()
            : throw ManagementProblem.Property($"Expected type boolean but found type {TypeName(node)}", name);
    }

    public static void AllowOnly(JsonObject body, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(body);
        var unknown = body.Select(p => p.Key).Where(k => !allowed.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw ManagementProblem.Payload("Additional properties not allowed: " + string.Join(',', unknown));
        }
    }
}
