using Microsoft.Extensions.Options;
using Profiles.Core.Caching;
using Profiles.Core.Persistence;
using Profiles.Core.Security;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Security;

/// <summary>The per-request session check served from the cache: every write takes effect at the next check, on the instance
/// that wrote it (no Redis) and on every instance sharing the second level (Redis).</summary>
public abstract class CachedPortalSessionRevocationsTests(PortalDatabaseProvider provider) : IDisposable
{
    private const string Alice = "auth0|alice";
    private readonly PortalDatabaseFixture _db = new(provider);
    private readonly SharedSecondLevel _redis = new();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        _owned.ForEach(o => o.Dispose());
        _redis.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task A_revocation_and_a_sign_out_end_sessions_at_the_next_check_on_the_instance_that_cached_them()
    {
        var portal = Instance(shared: false);
        var signedIn = _db.Clock.GetUtcNow();
        Assert.False(await portal.IsRevokedAsync(Alice, "s1", signedIn, default));
        Assert.False(await portal.IsRevokedAsync(Alice, "s2", signedIn, default));
        _db.Clock.Advance(TimeSpan.FromSeconds(1));

        await portal.EndSessionAsync(Alice, "s1", signedIn.AddHours(8), default);
        Assert.True(await portal.IsRevokedAsync(Alice, "s1", signedIn, default));
        Assert.False(await portal.IsRevokedAsync(Alice, "s2", signedIn, default));

        await portal.RevokeAsync(Alice, keepSessionId: null, default);
        Assert.True(await portal.IsRevokedAsync(Alice, "s2", signedIn, default));
    }

    [Fact]
    public async Task Instances_sharing_redis_see_a_revocation_and_a_sign_out_made_on_another_one_at_their_next_check()
    {
        var a = Instance(shared: true);
        var b = Instance(shared: true);
        var signedIn = _db.Clock.GetUtcNow();
        Assert.False(await b.IsRevokedAsync(Alice, "s1", signedIn, default));
        Assert.False(await b.IsRevokedAsync(Alice, "s2", signedIn, default));
        _db.Clock.Advance(TimeSpan.FromSeconds(1));

        await a.EndSessionAsync(Alice, "s1", signedIn.AddHours(8), default);
        Assert.True(await b.IsRevokedAsync(Alice, "s1", signedIn, default));
        Assert.False(await b.IsRevokedAsync(Alice, "s2", signedIn, default));

        await a.RevokeAsync(Alice, keepSessionId: "s3", default);
        Assert.True(await b.IsRevokedAsync(Alice, "s2", signedIn, default));
        Assert.False(await b.IsRevokedAsync(Alice, "s3", signedIn, default));
    }

    [Fact]
    public async Task Cached_answers_are_the_database_answers()
    {
        var cached = Instance(shared: false);
        using var store = _db.NewInstance();
        var signedIn = _db.Clock.GetUtcNow();
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        await cached.RevokeAsync(Alice, keepSessionId: "kept", default);
        await cached.EndSessionAsync(Alice, "ended", signedIn.AddHours(8), default);
        var later = _db.Clock.GetUtcNow().AddSeconds(1);

        foreach (var (session, at) in new[] { ("kept", signedIn), ("other", signedIn), ((string?)null, signedIn), ("ended", later), ("new", later) })
        {
            Assert.Equal(await store.Revocations.IsRevokedAsync(Alice, session, at, default), await cached.IsRevokedAsync(Alice, session, at, default));
        }
    }

    private CachedPortalSessionRevocations Instance(bool shared)
    {
        var caches = new TestCaches(secondLevel: shared ? _redis : null);
        var store = _db.NewInstance();
        _owned.Add(caches);
        _owned.Add(store);
        return new CachedPortalSessionRevocations(store.Revocations, caches.Cache, Options.Create(new PortalCacheOptions()));
    }

    public sealed class OnSqlite() : CachedPortalSessionRevocationsTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CachedPortalSessionRevocationsTests(PortalDatabaseProvider.Postgres);
}
