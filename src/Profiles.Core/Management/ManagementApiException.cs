using System.Net;

namespace Profiles.Core.Management;

/// <summary>A Management API call that did not succeed: a non-2xx answer, or no answer at all (see
/// <see cref="IsTransportFailure"/>). The message never contains personal data.</summary>
public sealed class ManagementApiException : Exception
{
    /// <summary><see cref="ErrorCode"/> when the attempt timed out or the request budget ran out.</summary>
    public const string TimeoutErrorCode = "request_timeout";

    /// <summary><see cref="ErrorCode"/> when the tenant could not be reached.</summary>
    public const string NetworkErrorCode = "network_error";

    /// <summary><see cref="ErrorCode"/> when the circuit breaker refused the call after repeated server failures.</summary>
    public const string CircuitOpenErrorCode = "circuit_open";

    public ManagementApiException()
        : this(HttpStatusCode.InternalServerError, null, null, null)
    {
    }

    public ManagementApiException(string message)
        : base(message)
    {
    }

    public ManagementApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ManagementApiException(HttpStatusCode statusCode, string? errorCode, string? apiMessage, RateLimitInfo? rateLimit, Exception? innerException = null)
        : base(BuildMessage(statusCode, errorCode), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ApiMessage = apiMessage;
        RateLimit = rateLimit;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Auth0's <c>errorCode</c> (e.g. <c>inexistent_user</c>); sometimes missing.</summary>
    public string? ErrorCode { get; }

    /// <summary>Auth0's <c>message</c>, or the reason phrase when the body was not Auth0's JSON. Can quote submitted
    /// values (e.g. an invalid email), so do not log it.</summary>
    public string? ApiMessage { get; }

    /// <summary>Rate-limit headers of the failed response (always set for 429).</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>True when no usable answer came back (timeout, network failure, open circuit).</summary>
    public bool IsTransportFailure => ErrorCode is TimeoutErrorCode or NetworkErrorCode or CircuitOpenErrorCode;

    /// <summary>True for 429 Too Many Requests.</summary>
    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>Auth0 could not answer now (429, 5xx, timeout, network, open circuit): worth trying again later, and nothing
    /// the user did wrong.</summary>
    public bool IsTransient => IsRateLimited || IsTransportFailure || (int)StatusCode >= 500;

    private static string BuildMessage(HttpStatusCode statusCode, string? errorCode) =>
        errorCode is null
            ? $"Auth0 Management API call failed with {(int)statusCode}."
            : $"Auth0 Management API call failed with {(int)statusCode} ({errorCode}).";
}
