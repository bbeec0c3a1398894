using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Localization;

/// <summary>
/// The portal's <see cref="IStringLocalizerFactory"/>: the framework's resource-file localizers, each wrapped in a
/// <see cref="CachingStringLocalizer"/>. <see cref="System.Resources.ResourceManager.GetString(string, System.Globalization.CultureInfo)"/>
/// takes a lock on every call, and a page asks for dozens of texts, so under load the requests queue on that lock; the
/// texts are compiled into the assembly and never change while the process runs, so each is looked up once per language.
/// </summary>
public sealed class CachingStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggerFactory) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _inner = new(options, loggerFactory);
    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> _byName = new();

    public IStringLocalizer Create(Type resourceSource)
    {
        ArgumentNullException.ThrowIfNull(resourceSource);
        return _byType.GetOrAdd(resourceSource, type => new CachingStringLocalizer(_inner.Create(type)));
    }

    public IStringLocalizer Create(string baseName, string location)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        ArgumentNullException.ThrowIfNull(location);
        return _byName.GetOrAdd((baseName, location), key => new CachingStringLocalizer(_inner.Create(key.BaseName, key.Location)));
    }
}
