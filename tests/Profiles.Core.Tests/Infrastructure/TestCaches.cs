using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Core.Caching;
using Profiles.Core.Profiles;
using Profiles.Core.Redis;
using Profiles.Core.Settings;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary>The portal's caches as one instance without Redis builds them: HybridCache in memory, the portal's serializers.</summary>
public sealed class TestCaches : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="secondLevel">A second level shared with other instances, as Redis would be (null: this process only).</param>
    public TestCaches(IDictionary<string, string?>? settings = null, IDistributedCache? secondLevel = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddPortalCache(configuration);
        if (secondLevel is not null)
        {
            services.AddSingleton(secondLevel);
            services.Configure<RedisOptions>(options => options.Configuration = "127.0.0.1:6379");
        }

        _services = services.BuildServiceProvider();
        Cache = _services.GetRequiredService<PortalCache>();
    }

    public PortalCache Cache { get; }

    public HybridCache Hybrid => _services.GetRequiredService<HybridCache>();

    public ProfileCache Profiles(ManagementApiOptions? options = null) =>
        new(Cache, _services.GetRequiredService<IMemoryCache>(), Options.Create(options ?? new ManagementApiOptions()));

    /// <summary>Puts a placeholder under <paramref name="key"/>, as a stale entry.</summary>
    public ValueTask PutAsync(string key, string value) => Hybrid.SetAsync(key, value);

    /// <summary>Whether <paramref name="key"/> holds an entry (reading it stores nothing).</summary>
    public async Task<bool> HoldsAsync(string key)
    {
        const string absent = "<absent>";
        var found = await Hybrid.GetOrCreateAsync(key, _ => ValueTask.FromResult(absent),
            new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite });
        return !string.Equals(found, absent, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();
}
