using System.Diagnostics;

namespace Profiles.Web.Infrastructure;

/// <summary>One log line per request (method, route template, status, elapsed ms, correlation id); never the raw path or query,
/// which may carry personal data or codes.</summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, TimeProvider timeProvider)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = CorrelationId.FromRequest(context.Request);
        context.TraceIdentifier = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        var started = timeProvider.GetTimestamp();
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            var failed = true;
            try
            {
                await next(context);
                failed = false;
            }
            finally
            {
                var elapsed = timeProvider.GetElapsedTime(started).TotalMilliseconds;
                var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw
                    ? "/" + raw.TrimStart('/')
                    : "(unmatched)";
                var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                LogRequest(logger, context.Request.Method, template, status, elapsed, correlationId);
            }
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "HTTP {Method} {RouteTemplate} responded {StatusCode} in {ElapsedMs:0.0} ms ({CorrelationId})")]
    private static partial void LogRequest(ILogger logger, string method, string routeTemplate, int statusCode, double elapsedMs, string correlationId);
}
