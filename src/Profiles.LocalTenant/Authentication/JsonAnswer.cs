using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Authentication;

/// <summary>A JSON answer with <c>Content-Type: application/json</c> and no charset, as Auth0's OAuth endpoints send it.</summary>
public sealed class JsonAnswer(JsonNode body, int statusCode = StatusCodes.Status200OK) : IResult
{
    public int StatusCode => statusCode;

    public JsonNode Body => body;

    /// <summary>An OAuth error: <c>{"error","error_description"}</c>.</summary>
    public static JsonAnswer Error(int statusCode, string error, string description)
        => new(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        await response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }
}
