using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Profiles.Core.Activity;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers the security event log: every journey records to it and the Activity page reads it, so
/// <c>AddProfilesCore</c> adds it for all of them.</summary>
public static class ActivityJourneyCoreServiceCollectionExtensions
{
    public static IServiceCollection AddActivityJourneyCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ISecurityEventLog, SecurityEventLog>();
        return services;
    }
}
