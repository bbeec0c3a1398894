using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Profiles.Web.Localization;

/// <summary>The UI languages the portal ships resources for.</summary>
public static class PortalCultures
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = ["en", "fr"];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static void Configure(RequestLocalizationOptions options)
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        options.DefaultRequestCulture = new RequestCulture(Default);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        // The signed-in user's stored preference first, then the cookie set when it was saved (it keeps the language
        // after sign-out), then the browser's Accept-Language.
        options.RequestCultureProviders =
        [
            new ProfileLanguageCultureProvider(),
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }

    /// <summary>Picks the text for the current UI language from a by-language map, falling back to English.</summary>
    public static string Pick(IReadOnlyDictionary<string, string> byLanguage)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (byLanguage.TryGetValue(language, out var text) || byLanguage.TryGetValue(Default, out text))
        {
            return text;
        }

        return byLanguage.Values.FirstOrDefault() ?? "";
    }
}
