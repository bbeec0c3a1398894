using System.Collections.Concurrent;

namespace Profiles.Web.Infrastructure;

/// <summary>
/// Hands out one logger per category, as Microsoft's own <see cref="LoggerFactory"/> does. Serilog's factory builds a new
/// logger (with its own event-id cache) on every <see cref="CreateLogger"/>, and the framework calls it on every request:
/// each authentication handler and each <c>&lt;head&gt;</c>/<c>&lt;body&gt;</c> tag helper is created per request and asks the
/// factory for its logger. Loggers are thread-safe and hold nothing per request, so sharing them changes nothing but the
/// allocations.
/// </summary>
public sealed class CachingLoggerFactory(ILoggerFactory inner, bool ownsInner) : ILoggerFactory
{
    /// <summary>Categories are type names in practice; past this many, new ones are no longer remembered (never unbounded).</summary>
    internal const int MaxCategories = 4096;

    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        if (_loggers.TryGetValue(categoryName, out var logger))
        {
            return logger;
        }

        logger = inner.CreateLogger(categoryName);
        return _loggers.Count < MaxCategories ? _loggers.GetOrAdd(categoryName, logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }

    /// <summary>Wraps the last <see cref="ILoggerFactory"/> registered (Serilog's) in a <see cref="CachingLoggerFactory"/>.</summary>
    public static void Decorate(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(ILoggerFactory) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return;
        }

        var original = services[index];
        services[index] = ServiceDescriptor.Singleton<ILoggerFactory>(provider => original switch
        {
            { ImplementationInstance: ILoggerFactory instance } => new CachingLoggerFactory(instance, ownsInner: false),
            { ImplementationFactory: { } factory } => new CachingLoggerFactory((ILoggerFactory)factory(provider), ownsInner: true),
            _ => new CachingLoggerFactory((ILoggerFactory)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), ownsInner: true),
        });
    }
}
