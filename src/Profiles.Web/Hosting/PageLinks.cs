using System.Collections.Concurrent;

namespace Profiles.Web.Hosting;

/// <summary>
/// The path of a Razor page that takes no route values, worked out once per page instead of by an <c>asp-page</c> anchor tag
/// helper on every render (the layout's navigation has eleven of them on every signed-in page). The same address the tag helper
/// writes: the route's own path (lower case, see <see cref="RouteOptions.LowercaseUrls"/>) after the request's path base.
/// </summary>
public sealed class PageLinks(LinkGenerator links)
{
    private readonly ConcurrentDictionary<string, string> _paths = new(StringComparer.Ordinal);

    /// <summary>The path of <paramref name="page"/> (e.g. <c>/Security/Email</c>) for a link on this request.</summary>
    public string For(HttpContext httpContext, string page)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentException.ThrowIfNullOrEmpty(page);
        var path = _paths.TryGetValue(page, out var known) ? known : _paths.GetOrAdd(page, Generate(page));
        var pathBase = httpContext.Request.PathBase;
        return pathBase.HasValue ? pathBase.ToUriComponent() + path : path;
    }

    private string Generate(string page) =>
        links.GetPathByPage(page, handler: null, values: null, pathBase: PathString.Empty)
        ?? throw new InvalidOperationException($"No route for the page '{page}'.");
}
