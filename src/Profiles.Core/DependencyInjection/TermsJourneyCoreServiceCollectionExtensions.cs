using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.Core.Consent;
using Profiles.Core.Terms;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers terms acceptance (<c>Profiles:Terms</c>) and the consent history.</summary>
public static class TermsJourneyCoreServiceCollectionExtensions
{
    public static IServiceCollection AddTermsJourneyCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TermsOptions>().Bind(configuration.GetSection(TermsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TermsOptions>, TermsOptionsValidator>());
        services.TryAddScoped<ITermsService, TermsService>();
        services.TryAddScoped<IConsentService, ConsentService>();
        return services;
    }
}
