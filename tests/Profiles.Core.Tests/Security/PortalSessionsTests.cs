using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Profiles.Core.Devices;
using Profiles.Core.Persistence;
using Profiles.Core.Security;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Security;

/// <summary>The portal's own sessions for the devices page: what a sign-in records (and nothing more), last use written at
/// most every few minutes, and rows gone when their session ends, is replaced, expires or the account is deleted.</summary>
public abstract class PortalSessionsTests : IDisposable
{
    private const string Alice = "auth0|alice";
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private readonly PortalDatabaseFixture _db;
    private readonly MemoryCache _seen = new(new MemoryCacheOptions());
    private readonly PortalDatabaseFixture.PortalInstance _store;
    private readonly PortalSessions _sessions;

    protected PortalSessionsTests(PortalDatabaseProvider provider)
    {
        _db = new PortalDatabaseFixture(provider);
        _store = _db.NewInstance();
        _sessions = new PortalSessions(_db.File, _store.Keys, _seen, _db.Clock);
    }

    public void Dispose()
    {
        _store.Dispose();
        _seen.Dispose();
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_sign_in_is_listed_in_plain_words_and_keeps_no_user_agent()
    {
        await StartAsync("p1", "sid-1");

        var session = Assert.Single(await _sessions.ListAsync(Alice, default));
        Assert.Equal(("p1", "sid-1"), (session.SessionId, session.Auth0SessionId));
        Assert.Equal(new UserAgentDescription("Firefox", "Linux", false), session.Device);
        Assert.Equal(("198.51.100.7", "198.51.100.7"), (session.FirstIp, session.LastIp));
        Assert.Equal(_db.Clock.GetUtcNow(), session.SignedInAt);
        Assert.Empty(await _sessions.ListAsync("auth0|bob", default));
        await using var db = _db.File.CreateDbContext();
        var row = await db.PortalSessions.AsNoTracking().SingleAsync();
        Assert.DoesNotContain(typeof(PortalSessionRow).GetProperties(), p => p.Name.Contains("Agent", StringComparison.Ordinal));
        Assert.NotEqual(Alice, row.UserKey);
    }

    [Fact]
    public async Task Last_use_is_written_at_most_every_few_minutes()
    {
        var signedIn = _db.Clock.GetUtcNow();
        await StartAsync("p1", "sid-1");

        _db.Clock.Advance(TimeSpan.FromMinutes(4));
        await _sessions.SeenAsync("p1", IPAddress.Parse("203.0.113.9"), signedIn.AddHours(2), default);
        var early = Assert.Single(await _sessions.ListAsync(Alice, default));
        Assert.Equal((signedIn, "198.51.100.7"), (early.LastSeenAt, early.LastIp));

        _db.Clock.Advance(TimeSpan.FromMinutes(2));
        await _sessions.SeenAsync("p1", IPAddress.Parse("203.0.113.9"), signedIn.AddHours(2), default);
        var later = Assert.Single(await _sessions.ListAsync(Alice, default));
        Assert.Equal((_db.Clock.GetUtcNow(), "203.0.113.9", "198.51.100.7"), (later.LastSeenAt, later.LastIp, later.FirstIp));
        Assert.Equal(signedIn.AddHours(2), later.ExpiresAt);
    }

    [Fact]
    public async Task Ending_a_session_by_its_id_or_its_auth0_session_removes_its_row()
    {
        await StartAsync("p1", "sid-1");
        await StartAsync("p2", "sid-2");
        await StartAsync("p3", null);

        await _store.Revocations.EndSessionAsync(Alice, "p1", _db.Clock.GetUtcNow().AddDays(1), default);
        await _store.Revocations.EndSessionAsync(Alice, Auth0SessionKeys.For("sid-2"), _db.Clock.GetUtcNow().AddDays(1), default);

        Assert.Equal(["p3"], (await _sessions.ListAsync(Alice, default)).Select(s => s.SessionId));
    }

    [Fact]
    public async Task Ending_every_other_session_keeps_this_one_and_account_deletion_keeps_none()
    {
        await StartAsync("p1", "sid-1");
        await StartAsync("p2", "sid-2");
        await StartAsync("p3", null);

        await _store.Revocations.RevokeAsync(Alice, keepSessionId: "p2", default);
        Assert.Equal(["p2"], (await _sessions.ListAsync(Alice, default)).Select(s => s.SessionId));

        await _store.Revocations.RevokeAsync(Alice, keepSessionId: null, default);
        Assert.Empty(await _sessions.ListAsync(Alice, default));
    }

    [Fact]
    public async Task Expired_and_replaced_sessions_are_not_listed_and_their_rows_go()
    {
        await StartAsync("short", "sid-1", lifetime: TimeSpan.FromMinutes(30));
        await StartAsync("before-reauthentication", "sid-2");
        _db.Clock.Advance(TimeSpan.FromHours(1));

        await StartAsync("after-reauthentication", "sid-2", replaces: "before-reauthentication");

        Assert.Equal(["after-reauthentication"], (await _sessions.ListAsync(Alice, default)).Select(s => s.SessionId));
        await using var db = _db.File.CreateDbContext();
        Assert.Equal(1, await db.PortalSessions.CountAsync());
    }

    private Task StartAsync(string sessionId, string? auth0SessionId, TimeSpan? lifetime = null, string? replaces = null) =>
        _sessions.StartAsync(new PortalSessionStart(Alice, sessionId, auth0SessionId, Firefox, "198.51.100.7",
            _db.Clock.GetUtcNow() + (lifetime ?? TimeSpan.FromHours(8)), replaces), default);

    public sealed class OnSqlite() : PortalSessionsTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PortalSessionsTests(PortalDatabaseProvider.Postgres);
}
