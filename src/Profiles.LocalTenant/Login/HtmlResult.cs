using System.Text;

namespace Profiles.LocalTenant.Login;

/// <summary>An HTML page answer with the headers every login page carries.</summary>
public sealed class HtmlResult(Markup page, int statusCode) : IResult
{
    // No inline script or style anywhere, so the policy can forbid both; the one script is a file of the tenant's own.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; frame-ancestors 'none'; base-uri 'none'";

    public int StatusCode => statusCode;

    public string Body => page.Value;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        await response.WriteAsync(page.Value, Encoding.UTF8, httpContext.RequestAborted);
    }
}
