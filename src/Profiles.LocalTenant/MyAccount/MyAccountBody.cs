using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.MyAccount;

/// <summary>Reads a My Account API request body: JSON only (415 otherwise), an object, only the schema's properties, strings where
/// strings are due. <see cref="Failure"/> is the answer when it cannot be used.</summary>
public sealed class MyAccountBody
{
    private MyAccountBody(JsonObject? body, IResult? failure)
    {
        Json = body ?? [];
        Failure = failure;
    }

    public JsonObject Json { get; }

    public IResult? Failure { get; private set; }

    public static async Task<MyAccountBody> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, MyAccountErrors.UnsupportedMediaType());
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            return node is JsonObject body ? new(body, null) : new(null, MyAccountErrors.BadRequest("The request body must be a JSON object."));
        }
        catch (JsonException)
        {
            return new(null, MyAccountErrors.BadRequest("The request body is not valid JSON."));
        }
    }

    /// <summary>Refuses properties outside <paramref name="allowed"/> (the schemas forbid additional properties).</summary>
    public bool AllowOnly(params string[] allowed)
    {
        if (Failure is not null)
        {
            return false;
        }

        var extra = Json.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal));
        if (extra is not null)
        {
            Failure = MyAccountErrors.Validation(extra, "is not allowed");
        }

        return Failure is null;
    }

    /// <summary>A string property; a missing one is a failure when <paramref name="required"/>, another type always is.</summary>
    public string? Text(string name, bool required = false)
    {
        if (Failure is not null)
        {
            return null;
        }

        var node = Json[name];
        if (node is null)
        {
            if (required)
            {
                Failure = MyAccountErrors.Validation(name, "is required");
            }

            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            Failure = MyAccountErrors.Validation(name, "must be string");
            return null;
        }

        return node.GetValue<string>();
    }
}
