using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary>An in-memory stand-in for Redis that several test "instances" share. Its own type on purpose: HybridCache
/// ignores <see cref="MemoryDistributedCache"/> as a second level (it would only duplicate the first).</summary>
public sealed class SharedSecondLevel : IDistributedCache, IDisposable
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

    public int Reads { get; private set; }

    public byte[]? Get(string key)
    {
        Reads++;
        return _inner.Get(key);
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        Reads++;
        return _inner.GetAsync(key, token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _inner.Set(key, value, options);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        _inner.SetAsync(key, value, options, token);

    public void Refresh(string key) => _inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

    public void Remove(string key) => _inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
