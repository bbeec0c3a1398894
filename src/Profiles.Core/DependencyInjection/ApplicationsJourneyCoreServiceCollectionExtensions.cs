using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Profiles.Core.Activity;
using Profiles.Core.Applications;
using Profiles.Core.Management;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers connected applications and sign-in history: their Management clients on the portal's paced, resilient
/// Management pipeline, and their services (the web layer supplies <see cref="IApplicationRemovedNotice"/>).</summary>
public static class ApplicationsJourneyCoreServiceCollectionExtensions
{
    public static IServiceCollection AddApplicationsJourneyCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApplicationsOptions>().Bind(configuration.GetSection(ApplicationsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddManagementClient<IRefreshTokensClient>((http, time) => new RefreshTokensClient(http, time));
        services.AddManagementClient<IUserLogsClient>((http, time) => new UserLogsClient(http, time));
        services.AddManagementClient<IClientsClient>((http, time) => new ClientsClient(http, time));
        services.TryAddSingleton<ClientNames>();
        services.TryAddScoped<IApplicationsService, ApplicationsService>();
        services.TryAddScoped<ISignInHistoryService, SignInHistoryService>();
        return services;
    }
}
