using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Authentication;

/// <summary>Reads an Authentication API request body that may be form-encoded or JSON.</summary>
public static class RequestFields
{
    /// <summary>The body as a JSON object (form fields become strings); null when the body cannot be read.</summary>
    public static async Task<JsonObject?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            return fields;
        }

        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
                return node as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return request.ContentLength is null or 0 ? [] : null;
    }

    /// <summary>A field as text: strings as they are, numbers and booleans in their JSON form, anything else null.</summary>
    public static string? Text(JsonObject fields, string name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields[name] is not JsonValue value)
        {
            return null;
        }

        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
