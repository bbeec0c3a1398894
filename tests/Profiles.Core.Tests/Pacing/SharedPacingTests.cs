using Microsoft.EntityFrameworkCore;
using Profiles.Core.Pacing;
using Profiles.Core.Tests.Infrastructure;
using Profiles.Core.Persistence;

namespace Profiles.Core.Tests.Pacing;

/// <summary>Two portal instances (two pacers, each with its own coordinator and connections) on one portal database, SQLite
/// and PostgreSQL.</summary>
public abstract class SharedPacingTests : IDisposable
{
    private readonly PortalTestDatabase _database;
    private readonly FakeTimeProvider _time = new(FakeClock.Start);

    protected SharedPacingTests(PortalDatabaseProvider provider)
    {
        _database = PortalTestDatabase.Create(provider);
        using var db = _database.CreateDbContext();
        db.Database.Migrate();
    }

    [Fact]
    public async Task A_429_seen_by_one_instance_pauses_the_other_until_the_reset()
    {
        var first = Instance("enterprise");
        var second = Instance("enterprise");
        var group = await first.Pacer.AcquireAsync(HttpMethod.Patch, "/api/v2/users/a", null, CancellationToken.None);
        var reset = _time.GetUtcNow().AddSeconds(2);
        using var tooMany = StubHandler.TooManyRequests(r => r.Headers.Add("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        await first.Pacer.ObserveAsync(group!, tooMany, TimeSpan.Zero, CancellationToken.None);
        var waiting = second.SaveAsync("b");

        await PacerHarness.StepAsync(TimeSpan.FromMilliseconds(1900), first, second);
        Assert.False(waiting.IsCompleted);
        for (var i = 0; i < 10 && !waiting.IsCompleted; i++)
        {
            await PacerHarness.StepAsync(TimeSpan.FromMilliseconds(100), first, second);
        }

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)) >= reset);
        await using var db = _database.CreateDbContext();
        var row = await db.RateLimitBuckets.SingleAsync();
        Assert.Equal(reset.ToUnixTimeMilliseconds(), row.PausedUntilMs);
    }

    [Fact]
    public async Task Two_instances_together_stay_within_one_bucket()
    {
        var first = Instance("free");
        var second = Instance("free");
        var start = _time.GetUtcNow();
        var tasks = Enumerable.Range(0, 5).SelectMany(i => new[] { first.SaveAsync("a" + i), second.SaveAsync("b" + i) }).ToList();

        for (var i = 0; i < 80 && !tasks.All(t => t.IsCompleted); i++)
        {
            await PacerHarness.StepAsync(TimeSpan.FromMilliseconds(100), first, second);
        }

        var admitted = (await Task.WhenAll(tasks)).Select(at => (at - start).TotalSeconds).Order().ToList();
        for (var k = 0; k < admitted.Count; k++)
        {
            Assert.True(admitted[k] >= ((k + 1 - 2) / 2.0) - 1e-6, $"request {k} admitted at {admitted[k]} s");
        }
    }

    [Fact]
    public async Task Concurrent_leases_from_two_instances_never_hand_out_more_than_the_bucket()
    {
        var options = new PacerHarness("free", _time).Options;
        var first = new DatabaseRateLimitCoordinator(_database, _time, options);
        var second = new DatabaseRateLimitCoordinator(_database, _time, options);
        var profile = new BucketProfile(10, 0.001, false);

        var leases = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(async () => await (i % 2 == 0 ? first : second).LeaseAsync("write-users", profile, 1, CancellationToken.None))));

        Assert.Equal(10, leases.Sum(lease => lease.Granted));
        await using var db = _database.CreateDbContext();
        var row = await db.RateLimitBuckets.SingleAsync();
        Assert.Equal(0, row.Tokens, 6);
    }

    public void Dispose() => _database.Dispose();

    private PacerHarness Instance(string plan)
    {
        var options = new PacerHarness(plan, _time).Options;
        return new PacerHarness(plan, _time, new DatabaseRateLimitCoordinator(_database, _time, options));
    }

    public sealed class OnSqlite() : SharedPacingTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SharedPacingTests(PortalDatabaseProvider.Postgres);
}
