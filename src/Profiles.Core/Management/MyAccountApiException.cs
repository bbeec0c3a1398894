using System.Net;

namespace Profiles.Core.Management;

/// <summary>A My Account API call that did not succeed. Its body is <c>{type, status, title, detail}</c>; the message never
/// contains personal data.</summary>
public sealed class MyAccountApiException : Exception
{
    public MyAccountApiException()
        : this(HttpStatusCode.InternalServerError, null, null, null)
    {
    }

    public MyAccountApiException(string message)
        : base(message)
    {
    }

    public MyAccountApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MyAccountApiException(HttpStatusCode statusCode, string? title, string? detail, RateLimitInfo? rateLimit, Exception? innerException = null)
        : base($"Auth0 My Account API call failed with {(int)statusCode}.", innerException)
    {
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
        RateLimit = rateLimit;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The body's <c>title</c>.</summary>
    public string? Title { get; }

    /// <summary>The body's <c>detail</c>; can quote submitted values, so do not log it.</summary>
    public string? Detail { get; }

    /// <summary>Rate-limit headers (always set for 429: <c>retry-after</c>, else <c>x-ratelimit-reset</c>).</summary>
    public RateLimitInfo? RateLimit { get; }

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>Auth0 could not answer now: worth trying again later.</summary>
    public bool IsTransient => IsRateLimited || (int)StatusCode >= 500;

    /// <summary>The token was refused (expired, revoked, or lacks the scope): a new one is needed.</summary>
    public bool IsTokenRefused => StatusCode == HttpStatusCode.Unauthorized;
}
