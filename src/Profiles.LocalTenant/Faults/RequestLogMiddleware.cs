using Profiles.LocalTenant.RateLimiting;

namespace Profiles.LocalTenant.Faults;

/// <summary>Records every API request (outermost, so 429s and injected faults are counted too).</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (RequestKind.Classify(context.Request.Method, context.Request.Path).Group == EndpointGroup.None)
        {
            await next(context);
            return;
        }

        var at = time.GetUtcNow();
        try
        {
            await next(context);
        }
        finally
        {
            var status = context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode;
            log.Add(new LoggedRequest(context.Request.Method, Uri.UnescapeDataString(context.Request.Path.Value ?? ""), status, at));
        }
    }
}
