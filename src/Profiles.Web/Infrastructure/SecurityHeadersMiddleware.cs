using Microsoft.Extensions.Options;
using Profiles.Web.Authentication;

namespace Profiles.Web.Infrastructure;

/// <summary>CSP and the other response headers every page carries; pages are personal, so nothing past the static files is cached.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<Auth0LoginOptions> options)
{
    private readonly string _contentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; " +
        $"form-action 'self' {Auth0Authority.FromDomain(options.Value.Domain!)}; base-uri 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
