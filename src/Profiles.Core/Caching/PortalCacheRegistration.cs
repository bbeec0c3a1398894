using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Profiles.Core.Data;
using Profiles.Core.Profiles;
using Profiles.Core.Redis;
using Profiles.Core.Security;

namespace Profiles.Core.Caching;

/// <summary>Registers <see cref="PortalCache"/> on HybridCache (with Redis as its second level when configured) and the caches
/// built on it: profiles, session revocations and portal sessions' last use, the "no deletion scheduled" answer.</summary>
public static class PortalCacheRegistration
{
    public static IServiceCollection AddPortalCache(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPortalRedis(configuration);
        services.AddOptions<PortalCacheOptions>().Bind(configuration.GetSection(PortalCacheOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHybridCache()
            .AddSerializer(new JsonCacheSerializer<UserProfile>(PortalCacheJsonContext.Default.UserProfile))
            .AddSerializer(new JsonCacheSerializer<SessionCutoff>(PortalCacheJsonContext.Default.SessionCutoff))
            .AddSerializer(new JsonCacheSerializer<bool>(PortalCacheJsonContext.Default.Boolean))
            .AddSerializer(new JsonCacheSerializer<long>(PortalCacheJsonContext.Default.Int64));
        services.TryAddSingleton<PortalCache>();
        services.TryAddSingleton<ProfileCache>();
        services.TryAddSingleton<OpenDeletionCache>();
        services.TryAddSingleton<PortalSessionRevocations>();
        services.TryAddSingleton<IPortalSessionRevocations, CachedPortalSessionRevocations>();
        services.TryAddSingleton<IPortalSessions, PortalSessions>();
        return services;
    }
}
