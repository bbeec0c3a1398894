using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Profiles.Web.Localization;

/// <summary>
/// Remembers each text of one resource file per UI culture (see <see cref="CachingStringLocalizerFactory"/>). Formatting with
/// arguments happens on every call, with the current culture, exactly as the framework's localizer does.
/// </summary>
public sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    /// <summary>Names are the keys of the resource files in practice; past this many (culture, name) pairs new ones are no
    /// longer remembered, so a name built from input can never grow the cache without bound.</summary>
    internal const int MaxEntries = 16384;

    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_strings.TryGetValue(key, out var found))
            {
                return found;
            }

            var text = inner[name];
            if (_strings.Count < MaxEntries)
            {
                _strings.TryAdd(key, text);
            }

            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = this[name];
            var value = string.Format(CultureInfo.CurrentCulture, template.Value, arguments);
            return new LocalizedString(name, value, template.ResourceNotFound, template.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

    internal int Count => _strings.Count;
}
