using System.Text;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Management;

/// <summary>Responses in Auth0's transport shape: <c>application/json; charset=utf-8</c> on everything, 204s included.</summary>
public static class ManagementResults
{
    public const string ContentType = "application/json; charset=utf-8";

    public static IResult Json(JsonNode body, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Results.Text(body.ToJsonString(), ContentType, Encoding.UTF8, statusCode);
    }

    public static IResult Created(JsonNode body) => Json(body, StatusCodes.Status201Created);

    /// <summary>204 with Auth0's JSON content type and no body.</summary>
    public static IResult NoContent() => new EmptyJsonResult();

    private sealed class EmptyJsonResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
            httpContext.Response.ContentType = ContentType;
            return Task.CompletedTask;
        }
    }
}
