using System.Buffers;

namespace Profiles.Web.Infrastructure;

/// <summary>The request's correlation id: the caller's <c>X-Correlation-ID</c> when it is safe to echo, else a new one.</summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-ID";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    public static string FromRequest(HttpRequest request)
    {
        var incoming = request.Headers[HeaderName].ToString();
        return incoming.Length is > 0 and <= 64 && !incoming.AsSpan().ContainsAnyExcept(Allowed)
            ? incoming
            : Guid.NewGuid().ToString("N");
    }
}
