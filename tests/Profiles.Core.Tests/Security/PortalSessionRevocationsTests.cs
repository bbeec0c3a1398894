using Profiles.Core.Persistence;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Security;

public abstract class PortalSessionRevocationsTests : IDisposable
{
    private const string Alice = "auth0|alice";
    private readonly PortalDatabaseFixture _db;

    protected PortalSessionRevocationsTests(PortalDatabaseProvider provider)
    {
        _db = new PortalDatabaseFixture(provider);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Nothing_is_revoked_until_asked()
    {
        using var portal = _db.NewInstance();

        Assert.False(await portal.Revocations.IsRevokedAsync(Alice, "s1", _db.Clock.GetUtcNow(), default));
    }

    [Fact]
    public async Task Earlier_sessions_end_except_the_one_kept_and_later_sessions_live()
    {
        using var portal = _db.NewInstance();
        var earlier = _db.Clock.GetUtcNow();
        _db.Clock.Advance(TimeSpan.FromMinutes(1));

        await portal.Revocations.RevokeAsync(Alice, keepSessionId: "current", default);
        _db.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = _db.Clock.GetUtcNow();

        Assert.True(await portal.Revocations.IsRevokedAsync(Alice, "other", earlier, default));
        Assert.True(await portal.Revocations.IsRevokedAsync(Alice, null, earlier, default));
        Assert.False(await portal.Revocations.IsRevokedAsync(Alice, "current", earlier, default));
        Assert.False(await portal.Revocations.IsRevokedAsync(Alice, "new", later, default));
        Assert.False(await portal.Revocations.IsRevokedAsync("auth0|bob", "other", earlier, default));
    }

    [Fact]
    public async Task Revoking_all_keeps_none_and_holds_across_instances()
    {
        var signedIn = _db.Clock.GetUtcNow();
        using (var first = _db.NewInstance())
        {
            await first.Revocations.RevokeAsync(Alice, "current", default);
            await first.Revocations.RevokeAsync(Alice, keepSessionId: null, default);
        }

        using var second = _db.NewInstance();
        Assert.True(await second.Revocations.IsRevokedAsync(Alice, "current", signedIn, default));
    }

    [Fact]
    public async Task A_signed_out_session_ends_for_good_and_the_users_other_sessions_live()
    {
        var signedIn = _db.Clock.GetUtcNow();
        using (var first = _db.NewInstance())
        {
            await first.Revocations.EndSessionAsync(Alice, "laptop", signedIn.AddHours(12), default);
            // A second tab signing out of the same session changes nothing.
            await first.Revocations.EndSessionAsync(Alice, "laptop", signedIn.AddHours(12), default);
        }

        using var second = _db.NewInstance();
        Assert.True(await second.Revocations.IsRevokedAsync(Alice, "laptop", signedIn, default));
        Assert.False(await second.Revocations.IsRevokedAsync(Alice, "phone", signedIn, default));
        Assert.False(await second.Revocations.IsRevokedAsync(Alice, null, signedIn, default));
    }

    [Fact]
    public async Task Ended_sessions_are_forgotten_once_their_cookies_cannot_be_used_anyway()
    {
        using var portal = _db.NewInstance();
        await portal.Revocations.EndSessionAsync(Alice, "old", _db.Clock.GetUtcNow().AddHours(1), default);

        _db.Clock.Advance(TimeSpan.FromHours(2));
        await portal.Revocations.EndSessionAsync(Alice, "new", _db.Clock.GetUtcNow().AddHours(1), default);

        Assert.False(await portal.Revocations.IsRevokedAsync(Alice, "old", _db.Clock.GetUtcNow(), default));
        Assert.True(await portal.Revocations.IsRevokedAsync(Alice, "new", _db.Clock.GetUtcNow(), default));
    }

    public sealed class OnSqlite() : PortalSessionRevocationsTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PortalSessionRevocationsTests(PortalDatabaseProvider.Postgres);
}
