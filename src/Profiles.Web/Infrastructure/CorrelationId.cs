using System.Buffers;
using System.Diagnostics;

namespace Profiles.Web.Infrastructure;

/// <summary>
/// The request's correlation id: the caller's <c>X-Correlation-ID</c> when it is safe to echo, else the W3C trace id of the
/// request's activity (the caller's <c>traceparent</c> when it sent one), so logs, traces and the error page share one id.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-ID";

    /// <summary>The log event property that carries the id.</summary>
    public const string LogProperty = "CorrelationId";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    public static string FromRequest(HttpRequest request, Activity? activity)
    {
        ArgumentNullException.ThrowIfNull(request);
        var incoming = request.Headers[HeaderName].ToString();
        if (incoming.Length is > 0 and <= 64 && !incoming.AsSpan().ContainsAnyExcept(Allowed))
        {
            return incoming;
        }

        return activity is not null && activity.TraceId != default ? activity.TraceId.ToHexString() : Guid.NewGuid().ToString("N");
    }
}
