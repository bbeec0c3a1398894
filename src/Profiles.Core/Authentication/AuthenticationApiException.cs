using System.Net;
using Profiles.Core.Management;

namespace Profiles.Core.Authentication;

/// <summary>An Authentication API call that did not succeed. The message never contains personal data.</summary>
public sealed class AuthenticationApiException : Exception
{
    public AuthenticationApiException()
        : this(HttpStatusCode.InternalServerError, null, null, null)
    {
    }

    public AuthenticationApiException(string message)
        : base(message)
    {
    }

    public AuthenticationApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuthenticationApiException(HttpStatusCode statusCode, string? errorCode, string? apiMessage, RateLimitInfo? rateLimit, Exception? innerException = null)
        : base($"Auth0 Authentication API call failed with {(int)statusCode}" + (errorCode is null ? "." : $" ({errorCode})."), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ApiMessage = apiMessage;
        RateLimit = rateLimit;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary><c>error</c> or <c>code</c> of the body; <see cref="ManagementApiException.TimeoutErrorCode"/> or
    /// <see cref="ManagementApiException.NetworkErrorCode"/> when no answer came back.</summary>
    public string? ErrorCode { get; }

    /// <summary>The body's description; may quote submitted values, so do not log it.</summary>
    public string? ApiMessage { get; }

    public RateLimitInfo? RateLimit { get; }

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;
}
