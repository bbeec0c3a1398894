using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Hosting;

/// <summary>
/// <see cref="IPublicUrls"/> over <c>Profiles:PublicOrigin</c>. When it is not set (allowed in Development and Testing only,
/// <see cref="PublicOriginOptionsValidator"/>), the origin is the first address the server is bound to (https first), with a
/// wildcard host read as <c>localhost</c>; an in-memory test server has none and gets <c>http://localhost</c>.
/// </summary>
public sealed class PublicUrls(IOptions<PublicOriginOptions> options, IServer server) : IPublicUrls
{
    private string? _origin;

    public string Origin => _origin ?? Resolve();

    public Uri For(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (!pathAndQuery.StartsWith('/') || pathAndQuery.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("A path on the portal starting with a single '/' is expected.", nameof(pathAndQuery));
        }

        return new Uri(Origin + pathAndQuery, UriKind.Absolute);
    }

    private string Resolve()
    {
        if (options.Value.PublicOrigin is { Length: > 0 } configured &&
            PublicOriginOptionsValidator.ParseOrigin(configured) is { } origin)
        {
            return _origin = origin.GetLeftPart(UriPartial.Authority);
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var bound = addresses.OrderByDescending(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (bound is null)
        {
            return "http://localhost";
        }

        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            bound = bound.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        var address = new Uri(bound).GetLeftPart(UriPartial.Authority);
        // Before the server has started a port-0 binding has no port yet: do not remember that.
        return new Uri(address).Port == 0 ? address : _origin = address;
    }
}
