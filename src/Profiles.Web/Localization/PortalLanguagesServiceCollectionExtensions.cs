using Microsoft.Extensions.Options;
using Profiles.Core.Preferences;

namespace Profiles.Web.Localization;

/// <summary>Registers the configured UI languages (<see cref="PortalLanguagesOptions"/>, validated at start), the request
/// localisation that uses them, and the language preference's choices.</summary>
public static class PortalLanguagesServiceCollectionExtensions
{
    public static IServiceCollection AddPortalLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalLanguagesOptions>().Bind(configuration.GetSection(PortalLanguagesOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalLanguagesOptions>, PortalLanguagesOptionsValidator>();
        services.AddSingleton<PortalLanguages>();
        services.AddSingleton<SecurityNoticeComposer>();
        services.AddSingleton<IPostConfigureOptions<PreferencesOptions>, LanguageChoices>();
        services.AddOptions<RequestLocalizationOptions>().Configure<PortalLanguages>(PortalCultures.Configure);
        return services;
    }
}
