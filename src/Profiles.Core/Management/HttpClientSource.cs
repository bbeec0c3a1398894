namespace Profiles.Core.Management;

/// <summary>
/// Where a client gets its <see cref="HttpClient"/>: from <see cref="IHttpClientFactory"/> on every call (the portal's clients
/// are singletons, so a page view served from the cache builds no client; the factory pools and rotates the handlers), or
/// one fixed client (tests and tools that build a client by hand).
/// </summary>
public sealed class HttpClientSource
{
    private readonly Func<HttpClient> _create;

    public HttpClientSource(IHttpClientFactory factory, string name)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _create = () => factory.CreateClient(name);
    }

    public HttpClientSource(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _create = () => client;
    }

    /// <summary>The client for one call; not disposed by the caller (the factory owns the handlers).</summary>
    public HttpClient Get() => _create();
}
