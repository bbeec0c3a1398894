using Microsoft.Extensions.DependencyInjection;

namespace Profiles.Web.Tests.Caching;

/// <summary>Counts every <see cref="HttpClient"/> the portal asks <see cref="IHttpClientFactory"/> for (named and typed clients
/// alike: a typed client is built on a named one), by wrapping the registered factory.</summary>
public sealed class HttpClientCounter : IHttpClientFactory
{
    private IHttpClientFactory? _inner;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _names = new();

    /// <summary>The names of the clients built since the last <see cref="Reset"/>.</summary>
    public IReadOnlyCollection<string> Names => _names.ToArray();

    public void Reset() => _names.Clear();

    public HttpClient CreateClient(string name)
    {
        _names.Enqueue(name);
        return _inner!.CreateClient(name);
    }

    /// <summary>Puts the counter in front of the factory the portal registered.</summary>
    public void WrapFactoryIn(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IHttpClientFactory));
        services.Remove(registered);
        services.AddSingleton<IHttpClientFactory>(sp =>
        {
            _inner = (IHttpClientFactory)registered.ImplementationFactory!(sp);
            return this;
        });
    }
}
