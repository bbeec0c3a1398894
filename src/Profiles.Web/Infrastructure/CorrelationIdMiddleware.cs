using System.Diagnostics;
using Serilog.Context;

namespace Profiles.Web.Infrastructure;

/// <summary>
/// Gives each request its <see cref="CorrelationId"/>: in <c>TraceIdentifier</c> (which <see cref="HttpCorrelationContext"/>
/// and the error page read), on every log event written while the request runs, on the request's trace, and echoed in the
/// <c>X-Correlation-ID</c> response header.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    /// <summary>The span attribute that carries a caller's own correlation id when it differs from the trace id.</summary>
    public const string ActivityTag = "profiles.correlation_id";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = Activity.Current;
        var correlationId = CorrelationId.FromRequest(context.Request, activity);
        context.TraceIdentifier = correlationId;
        if (activity is not null && correlationId != activity.TraceId.ToHexString())
        {
            activity.SetTag(ActivityTag, correlationId);
        }

        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty(CorrelationId.LogProperty, correlationId))
        {
            await next(context);
        }
    }
}
