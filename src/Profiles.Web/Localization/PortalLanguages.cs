using System.Globalization;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Localization;

/// <summary>The configured UI languages (<see cref="PortalLanguagesOptions"/>), as cultures.</summary>
public sealed class PortalLanguages
{
    public PortalLanguages(IOptions<PortalLanguagesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Cultures = options.Value.Cultures.Select(CultureInfo.GetCultureInfo).ToList();
    }

    public IReadOnlyList<CultureInfo> Cultures { get; }

    public bool IsSupported(string? culture) =>
        culture is not null && Cultures.Any(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
}
