using Microsoft.Extensions.Options;
using Profiles.Core.Settings;

namespace Profiles.Web.Infrastructure;

/// <summary>CSP and the other response headers every response carries; pages are personal, so nothing but static files is cached.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<Auth0Options> options)
{
    private readonly string _contentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; " +
        $"form-action 'self' {options.Value.Authority}; base-uri 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            // Static files are served before routing and have no endpoint; everything else may show personal data.
            if (context.GetEndpoint() is not null)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
