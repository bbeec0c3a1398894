using Profiles.Core.Applications;
using Profiles.Core.DependencyInjection;

namespace Profiles.Web.Applications;

/// <summary>Registers connected applications and sign-in history: Core's clients and services and the web layer's notice texts.</summary>
public static class ApplicationsJourneyServiceCollectionExtensions
{
    public static IServiceCollection AddApplicationsJourney(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationsJourneyCore(configuration);
        services.AddScoped<IApplicationRemovedNotice, ApplicationRemovedNotice>();
        return services;
    }
}
