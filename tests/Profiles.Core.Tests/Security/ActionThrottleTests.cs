using Profiles.Core.Persistence;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Security;

public abstract class ActionThrottleTests : IDisposable
{
    private const string Alice = "auth0|alice";
    private const string Bob = "auth0|bob";
    private readonly PortalDatabaseFixture _db;

    protected ActionThrottleTests(PortalDatabaseProvider provider)
    {
        _db = new PortalDatabaseFixture(provider);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_first_request_passes_and_the_next_waits_for_the_cooldown()
    {
        using var portal = _db.NewInstance();
        var cooldown = TimeSpan.FromSeconds(60);

        Assert.True((await portal.Throttle.TryAcquireAsync(Alice, "resend", cooldown, default)).Allowed);
        _db.Clock.Advance(TimeSpan.FromSeconds(20));
        var second = await portal.Throttle.TryAcquireAsync(Alice, "resend", cooldown, default);

        Assert.False(second.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(40), second.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(40), await portal.Throttle.RemainingAsync(Alice, "resend", default));

        _db.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(TimeSpan.Zero, await portal.Throttle.RemainingAsync(Alice, "resend", default));
        Assert.True((await portal.Throttle.TryAcquireAsync(Alice, "resend", cooldown, default)).Allowed);
    }

    [Fact]
    public async Task Cooldowns_are_per_user_and_per_action()
    {
        using var portal = _db.NewInstance();
        var cooldown = TimeSpan.FromMinutes(5);
        Assert.True((await portal.Throttle.TryAcquireAsync(Alice, "resend", cooldown, default)).Allowed);

        Assert.True((await portal.Throttle.TryAcquireAsync(Bob, "resend", cooldown, default)).Allowed);
        Assert.True((await portal.Throttle.TryAcquireAsync(Alice, "export", cooldown, default)).Allowed);
    }

    [Fact]
    public async Task A_cooldown_survives_a_restart_of_the_portal()
    {
        using (var before = _db.NewInstance())
        {
            Assert.True((await before.Throttle.TryAcquireAsync(Alice, "resend", TimeSpan.FromMinutes(5), default)).Allowed);
        }

        using var after = _db.NewInstance();
        var decision = await after.Throttle.TryAcquireAsync(Alice, "resend", TimeSpan.FromMinutes(5), default);

        Assert.False(decision.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(5), decision.RetryAfter);
    }

    [Fact]
    public async Task Concurrent_requests_from_two_instances_let_exactly_one_through()
    {
        using var first = _db.NewInstance();
        using var second = _db.NewInstance();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? first : second).Throttle.TryAcquireAsync(Alice, "resend", TimeSpan.FromMinutes(1), default)));

        Assert.Equal(1, decisions.Count(d => d.Allowed));
    }

    [Fact]
    public async Task Releasing_frees_the_slot()
    {
        using var portal = _db.NewInstance();
        await portal.Throttle.TryAcquireAsync(Alice, "reset", TimeSpan.FromMinutes(1), default);

        await portal.Throttle.ReleaseAsync(Alice, "reset", default);

        Assert.True((await portal.Throttle.TryAcquireAsync(Alice, "reset", TimeSpan.FromMinutes(1), default)).Allowed);
    }

    public sealed class OnSqlite() : ActionThrottleTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ActionThrottleTests(PortalDatabaseProvider.Postgres);
}
