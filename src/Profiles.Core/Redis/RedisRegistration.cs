using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Profiles.Core.Redis;

/// <summary>
/// Redis for the portal when <c>Redis:Configuration</c> is set: one <see cref="IConnectionMultiplexer"/> for the whole app
/// (StackExchange.Redis multiplexes every caller over one connection; anything else that needs Redis resolves this one), and
/// the <c>IDistributedCache</c> HybridCache uses as its second level, on that same connection.
/// </summary>
public static class RedisRegistration
{
    /// <summary>Whether the configuration turns Redis on (registration time; the options say the same at run time).</summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[RedisOptions.SectionName + ":" + nameof(RedisOptions.Configuration)]);
    }

    public static IServiceCollection AddPortalRedis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RedisOptions>().Bind(configuration.GetSection(RedisOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>());
        if (!IsEnabled(configuration))
        {
            return services;
        }

        services.TryAddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration!);
            // Start even while Redis is down: the caches fall back to their sources and the connection retries by itself.
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((cache, sp) =>
        {
            cache.InstanceName = sp.GetRequiredService<IOptions<RedisOptions>>().Value.InstanceName;
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>());
        });
        return services;
    }
}
