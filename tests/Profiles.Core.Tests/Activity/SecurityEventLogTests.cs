using Microsoft.EntityFrameworkCore;
using Profiles.Core.Activity;
using Profiles.Core.Tests.Security;
using Profiles.Core.Persistence;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Activity;

public abstract class SecurityEventLogTests : IDisposable
{
    private const string Alice = "auth0|alice";
    private const string Bob = "auth0|bob";
    private readonly PortalDatabaseFixture _db;

    protected SecurityEventLogTests(PortalDatabaseProvider provider)
    {
        _db = new PortalDatabaseFixture(provider);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_user_reads_back_their_own_events_newest_first()
    {
        using var portal = _db.NewInstance();
        await portal.Events.RecordAsync(Alice, SecurityActions.PasswordChanged, SecurityOutcomes.Succeeded, null, default);
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        await portal.Events.RecordAsync(Bob, SecurityActions.DataExported, SecurityOutcomes.Succeeded, null, default);
        await portal.Events.RecordAsync(Alice, SecurityActions.IdentityLinked, SecurityOutcomes.Refused, "github", default);

        var events = await portal.Events.ListRecentAsync(Alice, 10, default);

        Assert.Equal([SecurityActions.IdentityLinked, SecurityActions.PasswordChanged], events.Select(e => e.Action));
        Assert.Equal("github", events[0].Detail);
        Assert.Equal(_db.Clock.GetUtcNow(), events[0].OccurredAt);
    }

    [Fact]
    public async Task Stored_events_hold_a_pseudonymous_key_not_the_user_id()
    {
        using var portal = _db.NewInstance();
        await portal.Events.RecordAsync(Alice, SecurityActions.PasswordChanged, SecurityOutcomes.Succeeded, null, default);

        await using var db = _db.File.CreateDbContext();
        var row = await db.SecurityEvents.SingleAsync();
        Assert.DoesNotContain("alice", row.UserKey, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("k_", row.UserKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_is_the_same_after_a_restart_so_history_stays_visible()
    {
        using (var before = _db.NewInstance())
        {
            await before.Events.RecordAsync(Alice, SecurityActions.EmailChanged, SecurityOutcomes.Succeeded, null, default);
        }

        using var after = _db.NewInstance();
        Assert.Single(await after.Events.ListRecentAsync(Alice, 10, default));
    }

    [Fact]
    public async Task Erasing_a_user_removes_only_their_events()
    {
        using var portal = _db.NewInstance();
        await portal.Events.RecordAsync(Alice, SecurityActions.PasswordChanged, SecurityOutcomes.Succeeded, null, default);
        await portal.Events.RecordAsync(Bob, SecurityActions.PasswordChanged, SecurityOutcomes.Succeeded, null, default);

        await portal.Events.DeleteAllAsync(Alice, default);

        Assert.Empty(await portal.Events.ListRecentAsync(Alice, 10, default));
        Assert.Single(await portal.Events.ListRecentAsync(Bob, 10, default));
    }

    public sealed class OnSqlite() : SecurityEventLogTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SecurityEventLogTests(PortalDatabaseProvider.Postgres);
}
