using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Profiles.Web.Hosting;

/// <summary>
/// Answers a request that no handler of the matched page would run: 405 with <c>Allow</c> for a method the page has no handler
/// for (TRACE, PUT, DELETE, PATCH, OPTIONS… on GET/POST pages), 404 for an unknown <c>handler</c> name. Razor Pages would
/// otherwise render the page without running any handler, on an empty model. Runs after routing and before antiforgery and
/// authorization, so the answer is the same signed in or not and with or without a valid token. The body comes from the status
/// code page.
/// </summary>
public sealed class PageMethodGuard(RequestDelegate next, PageLoader pages)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsReExecution(context))
        {
            // The error page explains every failed request; it renders as a GET (an OPTIONS request would get an empty 200).
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            await next(context);
            return;
        }

        var endpoint = context.GetEndpoint();
        var page = endpoint?.Metadata.GetMetadata<CompiledPageActionDescriptor>();
        if (page is null && endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
        {
            // The page loader caches the compiled descriptor; the page's own invoker uses the same one.
            page = await pages.LoadAsync(descriptor, endpoint.Metadata);
        }

        if (page is null || page.HandlerMethods.Count == 0)
        {
            await next(context);
            return;
        }

        // Razor Pages runs GET handlers for HEAD.
        var method = HttpMethods.IsHead(context.Request.Method) ? HttpMethods.Get : context.Request.Method;
        var forMethod = page.HandlerMethods.Where(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)).ToList();
        if (forMethod.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = AllowedMethods(page);
            return;
        }

        var name = HandlerName(context);
        if (!forMethod.Exists(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    }

    /// <summary>The methods <paramref name="page"/> answers, as an <c>Allow</c> value (HEAD wherever GET is).</summary>
    public static string AllowedMethods(CompiledPageActionDescriptor page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var methods = page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (methods.Contains(HttpMethods.Get))
        {
            methods.Insert(methods.IndexOf(HttpMethods.Get) + 1, HttpMethods.Head);
        }

        return string.Join(", ", methods);
    }

    /// <summary>Where Razor Pages looks for the handler name: the route value, then the query string.</summary>
    private static string? HandlerName(HttpContext context)
    {
        var fromRoute = Convert.ToString(context.Request.RouteValues["handler"], System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(fromRoute))
        {
            return fromRoute;
        }

        var fromQuery = context.Request.Query["handler"].FirstOrDefault();
        return string.IsNullOrEmpty(fromQuery) ? null : fromQuery;
    }

    /// <summary>The error page renders for whatever method failed.</summary>
    private static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
}
