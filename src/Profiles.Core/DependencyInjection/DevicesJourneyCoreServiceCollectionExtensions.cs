using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Profiles.Core.Devices;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers the devices journey's service; the host adds its <see cref="IDevicesSignedOutNotice"/> (texts are the web
/// layer's).</summary>
public static class DevicesJourneyCoreServiceCollectionExtensions
{
    public static IServiceCollection AddDevicesJourneyCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DevicesOptions>().Bind(configuration.GetSection(DevicesOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<DevicesNotifier>();
        services.TryAddScoped<IDevicesService, DevicesService>();
        return services;
    }
}
