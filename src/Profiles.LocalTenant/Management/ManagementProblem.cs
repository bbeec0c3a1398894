namespace Profiles.LocalTenant.Management;

/// <summary>An Auth0 Management API error. Thrown from deep inside validation so that every endpoint
/// answers with the same <c>{statusCode, error, message, errorCode}</c> body from one place.</summary>
public sealed class ManagementProblem : Exception
{
    public ManagementProblem()
        : this(StatusCodes.Status400BadRequest, "Bad request.", "invalid_body")
    {
    }

    public ManagementProblem(string message)
        : this(StatusCodes.Status400BadRequest, message, "invalid_body")
    {
    }

    public ManagementProblem(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCodes.Status400BadRequest;
        ErrorCode = "invalid_body";
    }

    public ManagementProblem(int statusCode, string message, string? errorCode)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public int StatusCode { get; }

    public string? ErrorCode { get; }

    /// <summary>400 <c>invalid_body</c>, Auth0's code for payload validation failures.</summary>
    public static ManagementProblem InvalidBody(string message) => new(StatusCodes.Status400BadRequest, message, "invalid_body");

    /// <summary>400 <c>invalid_body</c> with Auth0's "Payload validation error: '…'" wording.</summary>
    public static ManagementProblem Payload(string detail) => InvalidBody($"Payload validation error: '{detail}'.");

    /// <summary>400 <c>invalid_body</c> about one property, in Auth0's schema-validator wording.</summary>
    public static ManagementProblem Property(string detail, string property)
        => InvalidBody($"Payload validation error: '{detail}' on property {property}.");

    public static ManagementProblem UserNotFound() => new(StatusCodes.Status404NotFound, "The user does not exist.", "inexistent_user");
}
