using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Profiles.LocalTenant.Localization;

/// <summary>The texts of the tenant's pages and emails (<c>TenantText.resx</c> and one <c>TenantText.{language}.resx</c> per
/// other language), in the current UI language. The pages are static functions rendering HTML without Razor or a service
/// container, so the localizer is one shared instance rather than an injected one; the request localisation middleware
/// (<see cref="TenantCultures"/>) sets the language it reads.</summary>
public static class TenantText
{
    /// <summary>The resources behind <see cref="Localizer"/>, for tests that compare the languages.</summary>
    public static ResourceManager Resources { get; } = new(typeof(TenantText).FullName!, typeof(TenantText).Assembly);

    public static IStringLocalizer Localizer { get; } = new ResourceManagerStringLocalizer(
        Resources, typeof(TenantText).Assembly, typeof(TenantText).FullName!, new ResourceNamesCache(), NullLogger.Instance);

    /// <summary>The text for <paramref name="key"/>. A key with no English text throws, so a typo fails the page's tests
    /// instead of showing the key to a user.</summary>
    public static string T(string key)
    {
        var text = Localizer[key];
        return text.ResourceNotFound ? throw new InvalidOperationException("The tenant has no text named " + key + ".") : text.Value;
    }

    /// <summary>The text for <paramref name="key"/> with its <c>{0}</c>… holes filled.</summary>
    public static string T(string key, params object[] arguments) => string.Format(CultureInfo.CurrentCulture, T(key), arguments);
}
