using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Profiles.Core.Redis;

namespace Profiles.Core.Caching;

/// <summary>
/// The portal's cache of state that must be current on every instance (profiles, session revocations, the deletion banner),
/// on <see cref="HybridCache"/>. Without Redis it is this process's memory, kept current by the writes themselves. With
/// Redis, entries skip HybridCache's per-instance memory level, so every instance reads what the last write stored and a
/// change made through one instance is what the next request to any other sees (docs/decisions/0017-shared-cache.md).
/// </summary>
public sealed class PortalCache(HybridCache cache, IOptions<RedisOptions> redis)
{
    private readonly HybridCacheEntryFlags _flags = redis.Value.IsEnabled ? HybridCacheEntryFlags.DisableLocalCache : HybridCacheEntryFlags.None;

    /// <summary>Whether entries are shared through Redis (otherwise they live in this process only).</summary>
    public bool IsShared => _flags != HybridCacheEntryFlags.None;

    public ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> load, TimeSpan lifetime,
        CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(key, state, load, Entry(lifetime), cancellationToken: cancellationToken);

    public ValueTask SetAsync<T>(string key, T value, TimeSpan lifetime, CancellationToken cancellationToken) =>
        cache.SetAsync(key, value, Entry(lifetime), cancellationToken: cancellationToken);

    /// <summary>The stored value, or default when there is none; nothing is loaded or written.</summary>
    public ValueTask<T?> FindAsync<T>(string key, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(key, static _ => ValueTask.FromResult(default(T)), new HybridCacheEntryOptions
        {
            Flags = _flags | HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
        }, cancellationToken: cancellationToken);

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) => cache.RemoveAsync(key, cancellationToken);

    private HybridCacheEntryOptions Entry(TimeSpan lifetime) => new() { Expiration = lifetime, LocalCacheExpiration = lifetime, Flags = _flags };
}
