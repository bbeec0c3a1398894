using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.Core.DependencyInjection;
using Profiles.Web.Health;
using Profiles.Web.Overview;

namespace Profiles.Web.Terms;

/// <summary>Registers the terms interstitial, the "Privacy and consent" page's settings, the overview's ID-token fallback and
/// the readiness check over recent Management API calls.</summary>
public static class TermsJourneyServiceCollectionExtensions
{
    public static IServiceCollection AddTermsJourney(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddTermsJourneyCore(configuration);
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>());
        services.TryAddScoped<TermsGateFilter>();
        services.Configure<MvcOptions>(options => options.Filters.AddService<TermsGateFilter>());
        services.TryAddScoped<OverviewProfileReader>();
        services.AddHealthChecks().AddCheck<ManagementCallsHealthCheck>("auth0-management-calls", tags: ["ready"]);
        return services;
    }
}
