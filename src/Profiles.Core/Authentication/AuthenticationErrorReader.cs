using System.Text.Json;

namespace Profiles.Core.Authentication;

/// <summary>Reads both Authentication API error shapes: OAuth's <c>{error,error_description}</c> and
/// <c>/dbconnections</c>' <c>{name,code,description,statusCode}</c> (description may be an object).</summary>
internal static class AuthenticationErrorReader
{
    public static async Task<(string? Code, string? Message)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, response.ReasonPhrase);
            }

            var code = ReadString(root, "error") ?? ReadString(root, "code");
            var message = ReadString(root, "error_description") ?? ReadString(root, "message") ?? ReadString(root, "description") ?? response.ReasonPhrase;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, response.ReasonPhrase);
        }
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
