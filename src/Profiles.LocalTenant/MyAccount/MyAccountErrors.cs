using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.MyAccount;

/// <summary>The My Account API's error body, <c>{type, status, title, detail, validation_errors?}</c> (its <c>ErrorResponse</c>).
/// The <c>type</c> and <c>title</c> values follow the examples of Auth0's sibling My Organization API document, which shares the
/// shape; the My Account document gives none (docs/local-tenant.md).</summary>
public static class MyAccountErrors
{
    private const string TypeBase = "https://auth0.com/api-errors#";

    public static IResult Error(int status, string code, string title, string detail, JsonArray? validationErrors = null)
    {
        var body = new JsonObject { ["type"] = TypeBase + code, ["status"] = status, ["title"] = title, ["detail"] = detail };
        if (validationErrors is not null)
        {
            body["validation_errors"] = validationErrors;
        }

        return Results.Text(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);
    }

    public static IResult MissingToken() => Error(StatusCodes.Status401Unauthorized, "A0E-401-0002", "Missing Token", "No auth token provided.");

    public static IResult InvalidToken() => Error(StatusCodes.Status401Unauthorized, "A0E-401-0003", "Invalid Token", "The auth token is invalid.");

    public static IResult InsufficientScope() => Error(StatusCodes.Status403Forbidden, "A0E-403-0002", "Insufficient Scope",
        "The auth token lacks the required scope: Check the API documentation for the required scopes for this endpoint.");

    public static IResult NotActivated() => Error(StatusCodes.Status403Forbidden, "A0E-403-0001", "Forbidden",
        "The My Account API is not enabled for this tenant.");

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "A0E-404-0002", "Resource Not Found",
        "The authentication method does not exist.");

    public static IResult BadRequest(string detail) => Error(StatusCodes.Status400BadRequest, "A0E-400-0001", "Bad Request", detail);

    /// <summary>400 for a body that breaks the schema: one validation error per problem, with the field and its JSON pointer.</summary>
    public static IResult Validation(string field, string detail)
        => Error(StatusCodes.Status400BadRequest, "A0E-400-0003", "Validation Error", "Invalid request payload input",
            [new JsonObject { ["detail"] = detail, ["field"] = field, ["pointer"] = "/" + field, ["source"] = "body" }]);

    public static IResult Conflict(string detail) => Error(StatusCodes.Status409Conflict, "A0E-409-0001", "Conflict", detail);

    public static IResult UnsupportedMediaType() => Error(StatusCodes.Status415UnsupportedMediaType, "A0E-415-0001", "Unsupported Media Type",
        "The request body must be application/json.");

    public static IResult TooManyRequests(bool global) => global
        ? Error(StatusCodes.Status429TooManyRequests, "A0E-429-0001", "Global Rate Limit Exceeded", "The tenant request limit has been exceeded.")
        : Error(StatusCodes.Status429TooManyRequests, "A0E-429-0003", "Endpoint Rate Limit Exceeded", "The endpoint request limit has been exceeded.");
}
