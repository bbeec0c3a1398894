using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Profiles.LocalTenant.Management;

/// <summary>Auth0's Management API error bodies: <c>{statusCode, error, message, errorCode}</c>.</summary>
public static class ManagementErrors
{
    public const string InvalidTokenMessage = "Invalid token.";
    public const string InvalidSignatureMessage = "Invalid signature received for JSON Web Token validation.";

    /// <summary>No bearer token at all (Auth0's API framework answers 401 without an errorCode).</summary>
    public const string MissingAuthenticationMessage = "Missing authentication";

    /// <summary>A bearer credential that is not a JWT (Auth0 answers 400 with errorCode <c>Bearer</c>).</summary>
    public const string BadHeaderFormatMessage = "Bad HTTP authentication header format";

    public static IResult Error(int statusCode, string message, string? errorCode)
    {
        var body = new JsonObject
        {
            ["statusCode"] = statusCode,
            ["error"] = ReasonPhrases.GetReasonPhrase(statusCode),
            ["message"] = message,
        };
        if (errorCode is not null)
        {
            body["errorCode"] = errorCode;
        }

        return ManagementResults.Json(body, statusCode);
    }

    public static IResult From(ManagementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Error(problem.StatusCode, problem.Message, problem.ErrorCode);
    }

    public static IResult Unauthorized(string message = InvalidTokenMessage)
        => Error(StatusCodes.Status401Unauthorized, message, "invalid_token");

    public static IResult MissingAuthentication() => Error(StatusCodes.Status401Unauthorized, MissingAuthenticationMessage, null);

    public static IResult BadHeaderFormat() => Error(StatusCodes.Status400BadRequest, BadHeaderFormatMessage, "Bearer");

    public static IResult InsufficientScope(IEnumerable<string> expected)
        => Error(StatusCodes.Status403Forbidden, "Insufficient scope, expected any of: " + string.Join(',', expected), "insufficient_scope");

    public static IResult UserNotFound() => From(ManagementProblem.UserNotFound());
}
