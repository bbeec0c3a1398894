using Microsoft.Extensions.Options;
using Profiles.Core.Preferences;

namespace Profiles.Web.Localization;

/// <summary>
/// Fills the language preference's choices from the configured languages when the field declares none, so that adding a
/// language is one configuration entry. Each language is named in itself ("Deutsch", "العربية"): a user who cannot read the
/// current language can still find their own.
/// </summary>
public sealed class LanguageChoices(IOptions<PortalLanguagesOptions> languages) : IPostConfigureOptions<PreferencesOptions>
{
    public void PostConfigure(string? name, PreferencesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UiLanguageField is not { Options.Count: 0 } field)
        {
            return;
        }

        foreach (var culture in new PortalLanguages(languages).Cultures)
        {
            var native = culture.TextInfo.ToTitleCase(culture.NativeName);
            field.Options.Add(new PreferenceOption { Value = culture.Name, Label = new() { [PortalCultures.Default] = native } });
        }
    }
}
