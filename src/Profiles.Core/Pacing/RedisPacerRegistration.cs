using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Profiles.Core.Redis;

namespace Profiles.Core.Pacing;

/// <summary>Puts the pacer's buckets in Redis when Redis is on (<c>Redis:Configuration</c>), on the deployment's one shared
/// connection (<see cref="RedisRegistration"/>).</summary>
public static class RedisPacerRegistration
{
    /// <summary>Registers <see cref="RedisRateLimitCoordinator"/> and returns true when Redis is configured; false otherwise.</summary>
    public static bool TryAddRedisPacing(this IServiceCollection services, IConfiguration configuration)
    {
        if (!RedisRegistration.IsEnabled(configuration))
        {
            return false;
        }

        services.AddPortalRedis(configuration);
        services.TryAddSingleton<IRateLimitCoordinator, RedisRateLimitCoordinator>();
        return true;
    }
}
