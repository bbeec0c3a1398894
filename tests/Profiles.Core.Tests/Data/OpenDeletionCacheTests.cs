using Microsoft.Extensions.Options;
using Profiles.Core.Caching;
using Profiles.Core.Data;
using Profiles.Core.Persistence;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Data;

/// <summary>The deletion banner's question ("is a deletion scheduled?") without a database read on every page.</summary>
public sealed class OpenDeletionCacheTests : IDisposable
{
    private const string Alice = "auth0|alice";
    private readonly TestCaches _caches = new();
    private readonly OpenDeletionCache _cache;
    private DeletionRequestInfo? _stored;
    private int _loads;

    public OpenDeletionCacheTests() => _cache = new OpenDeletionCache(_caches.Cache, Options.Create(new PortalCacheOptions()));

    public void Dispose() => _caches.Dispose();

    [Fact]
    public async Task No_open_request_is_read_once_and_forgetting_it_shows_a_new_request()
    {
        Assert.Null(await FindAsync());
        Assert.Null(await FindAsync());
        Assert.Equal(1, _loads);

        _stored = Request(DeletionStatus.Pending);
        await _cache.ForgetAsync(Alice, default);

        Assert.Equal(_stored, await FindAsync());
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task An_open_request_is_read_every_time_so_its_status_and_its_end_show_at_once()
    {
        _stored = Request(DeletionStatus.Pending);
        Assert.Equal(DeletionStatus.Pending, (await FindAsync())!.Status);

        _stored = _stored with { Status = DeletionStatus.InProgress };
        Assert.Equal(DeletionStatus.InProgress, (await FindAsync())!.Status);

        _stored = null;
        Assert.Null(await FindAsync());
        Assert.Null(await FindAsync());
        Assert.Equal(3, _loads);
    }

    private Task<DeletionRequestInfo?> FindAsync() => _cache.FindOpenAsync(Alice, _ =>
    {
        _loads++;
        return Task.FromResult(_stored);
    }, default);

    private static DeletionRequestInfo Request(string status) =>
        new(Guid.NewGuid(), status, FakeClock.Start, FakeClock.Start.AddDays(7));
}
