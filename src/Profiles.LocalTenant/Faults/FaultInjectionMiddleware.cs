using System.Text.Json;
using Profiles.LocalTenant.RateLimiting;

namespace Profiles.LocalTenant.Faults;

/// <summary>Adds latency, 5xx answers and dropped connections to API requests (never to the login UI or the outbox).</summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (RequestKind.Classify(context.Request.Method, context.Request.Path).Group == EndpointGroup.None)
        {
            await next(context);
            return;
        }

        var plan = faults.Draw();
        if (plan.Delay > TimeSpan.Zero)
        {
            await Task.Delay(plan.Delay, time, context.RequestAborted);
        }

        if (plan.Outcome == FaultOutcome.None)
        {
            await next(context);
            return;
        }

        if (plan.AfterEffect)
        {
            // Let the request take effect, then throw its answer away.
            var original = context.Response.Body;
            await using var discarded = new MemoryStream();
            context.Response.Body = discarded;
            await next(context);
            context.Response.Body = original;
            context.Response.Clear();
        }

        if (plan.Outcome == FaultOutcome.Drop)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["statusCode"] = 503,
            ["error"] = "Service Unavailable",
            ["message"] = "Injected fault (local tenant).",
        }, (JsonSerializerOptions?)null, "application/json; charset=utf-8");
    }
}
