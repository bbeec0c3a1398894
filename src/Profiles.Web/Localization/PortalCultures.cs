using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Profiles.Web.Localization;

/// <summary>How the configured UI languages (<see cref="PortalLanguages"/>) choose a request's culture, and the helpers views
/// use for the current one.</summary>
public static class PortalCultures
{
    /// <summary>The fallback language: every resource set's neutral file is English.</summary>
    public const string Default = "en";

    public static void Configure(RequestLocalizationOptions options, PortalLanguages languages)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(languages);
        var cultures = languages.Cultures.ToList();
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

    /// <summary>The <c>lang</c> attribute for the current UI language.</summary>
    public static string Language => CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : Default;

    /// <summary>The <c>dir</c> attribute: <c>rtl</c> for right-to-left scripts (Arabic, Hebrew, Persian…), else <c>ltr</c>.</summary>
    public static string Direction => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
}
