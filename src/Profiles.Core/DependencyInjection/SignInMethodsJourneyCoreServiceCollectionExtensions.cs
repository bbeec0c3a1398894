using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.Core.SignInMethods;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers account linking (<see cref="ILinkingService"/>) on top of <c>AddProfilesCore</c>; the host supplies
/// <see cref="ILinkingNotices"/> (the texts are localized there).</summary>
public static class SignInMethodsJourneyCoreServiceCollectionExtensions
{
    public static IServiceCollection AddSignInMethodsJourneyCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LinkingOptions>().Bind(configuration.GetSection(LinkingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<LinkingOptions>, LinkingOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkingOptions>, LinkingOptionsValidator>());
        services.TryAddScoped<ILinkingService, LinkingService>();
        return services;
    }
}
