using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Core.Caching;
using Profiles.Core.Redis;
using StackExchange.Redis;

namespace Profiles.Core.Tests.Redis;

/// <summary>Redis is off unless <c>Redis:Configuration</c> is set; when set, one multiplexer serves the app and the cache.</summary>
public sealed class RedisRegistrationTests
{
    [Fact]
    public void Without_a_configuration_there_is_no_redis_and_the_cache_stays_in_the_process()
    {
        var registrations = Register([]);
        using var services = registrations.BuildServiceProvider();

        Assert.DoesNotContain(registrations, d => d.ServiceType == typeof(IConnectionMultiplexer));
        Assert.Null(services.GetService<IDistributedCache>());
        Assert.False(services.GetRequiredService<PortalCache>().IsShared);
    }

    [Fact]
    public void With_a_configuration_one_multiplexer_is_registered_and_the_cache_is_shared_under_the_prefix()
    {
        var registrations = Register(new() { ["Redis:Configuration"] = "127.0.0.1:1", ["Redis:InstanceName"] = "tenant-a:" });
        using var services = registrations.BuildServiceProvider();

        // Not resolved here: that would connect.
        Assert.Single(registrations, d => d.ServiceType == typeof(IConnectionMultiplexer));
        Assert.IsAssignableFrom<RedisCache>(services.GetRequiredService<IDistributedCache>());
        Assert.Equal("tenant-a:", services.GetRequiredService<IOptions<RedisCacheOptions>>().Value.InstanceName);
        Assert.True(services.GetRequiredService<PortalCache>().IsShared);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("redis.internal:6379,password=secret,ssl=true,asyncTimeout=500", true)]
    [InlineData("password=secret", false)]
    public void The_configuration_string_is_checked_at_start_without_echoing_it(string? configuration, bool valid)
    {
        var result = new RedisOptionsValidator().Validate(null, new RedisOptions { Configuration = configuration });

        Assert.Equal(valid, result.Succeeded);
        Assert.DoesNotContain("secret", result.FailureMessage ?? "", StringComparison.Ordinal);
    }

    private static ServiceCollection Register(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddPortalCache(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
