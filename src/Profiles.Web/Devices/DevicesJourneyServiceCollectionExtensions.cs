using Profiles.Core.DependencyInjection;
using Profiles.Core.Devices;

namespace Profiles.Web.Devices;

/// <summary>Registers the devices journey: Core's service and the web layer's notice texts.</summary>
public static class DevicesJourneyServiceCollectionExtensions
{
    public static IServiceCollection AddDevicesJourney(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDevicesJourneyCore(configuration);
        services.AddScoped<IDevicesSignedOutNotice, DevicesSignedOutNotice>();
        services.AddScoped<DeviceText>();
        return services;
    }
}
