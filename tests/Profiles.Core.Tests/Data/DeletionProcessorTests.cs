using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Data;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Core.Security;
using Profiles.Core.Tests.Infrastructure;
using Profiles.Core.Tests.Pacing;

namespace Profiles.Core.Tests.Data;

/// <summary>The processor's bookkeeping against a real portal database (SQLite and PostgreSQL), with the Management API
/// stubbed (the journey tests in Profiles.Web.Tests run it against the real local tenant).</summary>
public abstract class DeletionProcessorTests : IDisposable
{
    private const string UserId = "auth0|processor-test";
    private readonly PortalTestDatabase _database;
    private readonly FakeTimeProvider _clock = new(FakeClock.Start);
    private readonly Mock<IUsersClient> _users = new(MockBehavior.Strict);
    private readonly Mock<ISessionsClient> _sessions = new(MockBehavior.Strict);
    private readonly PortalUserKeys _keys;

    protected DeletionProcessorTests(PortalDatabaseProvider provider)
    {
        _database = PortalTestDatabase.Create(provider);
        using (var db = _database.CreateDbContext())
        {
            db.Database.Migrate();
        }

        _keys = new PortalUserKeys(new FactoryAdapter(_database));
    }

    [Fact]
    public async Task Failures_back_off_exponentially_and_the_last_attempt_marks_the_request_failed()
    {
        _users.Setup(u => u.GetAsync(UserId, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "down", null));
        var id = await AddDueRequestAsync();
        var processor = Processor(maxAttempts: 3);

        Assert.Equal(DeletionRunOutcome.WillRetry, await processor.ProcessAsync(id, CancellationToken.None));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(60).ToUnixTimeMilliseconds(), (await RowAsync(id)).NextAttemptAtMs);
        Assert.Equal(DeletionRunOutcome.NotClaimed, await processor.ProcessAsync(id, CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(DeletionRunOutcome.WillRetry, await processor.ProcessAsync(id, CancellationToken.None));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(120).ToUnixTimeMilliseconds(), (await RowAsync(id)).NextAttemptAtMs);

        _clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(DeletionRunOutcome.GaveUp, await processor.ProcessAsync(id, CancellationToken.None));
        var row = await RowAsync(id);
        Assert.Equal(DeletionStatus.Failed, row.Status);
        Assert.Equal(3, row.Attempts);
        Assert.Equal("http_503", row.LastError);
        Assert.Equal(UserId, row.UserId);

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await processor.ProcessDueAsync(CancellationToken.None));
        _users.Verify(u => u.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_request_that_is_not_due_yet_is_left_alone()
    {
        var id = await AddDueRequestAsync(dueIn: TimeSpan.FromDays(1));

        Assert.Equal(DeletionRunOutcome.NotClaimed, await Processor().ProcessAsync(id, CancellationToken.None));
        Assert.Equal(0, await Processor().ProcessDueAsync(CancellationToken.None));
        Assert.Equal(DeletionStatus.Pending, (await RowAsync(id)).Status);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Without_session_endpoint_the_primary_is_still_deleted_and_the_audit_has_no_personal_data(HttpStatusCode sessionsAnswer)
    {
        _users.Setup(u => u.GetAsync(UserId, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Auth0User { UserId = UserId, Identities = [new Auth0Identity { Provider = "auth0", UserId = "processor-test" }] });
        _users.Setup(u => u.DeleteAsync(UserId, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        // Not on the plan (Enterprise only) or not granted (delete:sessions): the erasure must not fail for it.
        _sessions.Setup(s => s.DeleteUserSessionsAsync(UserId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(sessionsAnswer, null, "refused", null));
        var id = await AddDueRequestAsync();

        Assert.Equal(DeletionRunOutcome.Completed, await Processor().ProcessAsync(id, CancellationToken.None));

        await using var db = _database.CreateDbContext();
        var audit = await db.DeletionAudit.SingleAsync();
        Assert.Equal(1, audit.IdentitiesRemoved);
        var row = await db.DeletionRequests.SingleAsync();
        Assert.Equal("", row.UserId);
        Assert.DoesNotContain(await db.SessionRevocations.Select(s => s.UserKey).ToListAsync(), k => k.Contains(UserId, StringComparison.Ordinal));
        Assert.True(await db.SessionRevocations.AnyAsync(s => s.UserKey == row.UserKey));
    }

    [Fact]
    public async Task Three_workers_racing_over_the_same_requests_process_each_exactly_once()
    {
        // Three portal instances, each with its own processor and connections, sweep the same due requests at once: the
        // claim (a versioned update) lets exactly one of them carry out each request.
        const int Requests = 12;
        var deletions = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        _users.Setup(u => u.GetAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, string? _, CancellationToken _) => new Auth0User { UserId = id, Identities = [new Auth0Identity { Provider = "auth0", UserId = id[6..] }] });
        _users.Setup(u => u.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string id, CancellationToken _) =>
            {
                deletions.AddOrUpdate(id, 1, (_, count) => count + 1);
                return Task.CompletedTask;
            });
        _sessions.Setup(s => s.DeleteUserSessionsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var ids = new List<Guid>();
        for (var i = 0; i < Requests; i++)
        {
            ids.Add(await AddDueRequestAsync(userId: $"auth0|racer-{i}"));
        }

        var workers = Enumerable.Range(0, 3).Select(_ => Processor()).ToList();
        using var start = new ManualResetEventSlim();
        var runs = workers.Select(worker => Task.Run(async () =>
        {
            start.Wait();
            return await worker.ProcessDueAsync(CancellationToken.None);
        })).ToList();
        start.Set();
        var completedPerWorker = await Task.WhenAll(runs);

        Assert.Equal(Requests, completedPerWorker.Sum());
        Assert.Equal(Requests, deletions.Count);
        Assert.All(deletions, pair => Assert.Equal(1, pair.Value));
        _users.Verify(u => u.GetAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Exactly(Requests));
        await using var db = _database.CreateDbContext();
        Assert.Equal(Requests, await db.DeletionAudit.CountAsync());
        Assert.All(await db.DeletionRequests.AsNoTracking().ToListAsync(), row =>
        {
            Assert.Equal(DeletionStatus.Completed, row.Status);
            Assert.Equal(1, row.Attempts);
        });
        Assert.Equal(0, await Processor().ProcessDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_worker_that_stops_half_way_keeps_its_claim_until_the_claim_timeout_then_another_deletes_the_user_once_and_the_first_leaves_it()
    {
        // Instance A claims the request and stops inside its first Auth0 call (killed, or stuck on a dead connection): its
        // claim stays in the database with nobody to finish it.
        var stuck = new TaskCompletionSource<Auth0User>();
        var claimedByA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        _users.Setup(u => u.GetAsync(UserId, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                if (Interlocked.Increment(ref reads) > 1)
                {
                    return Task.FromResult(new Auth0User { UserId = UserId, Identities = [new Auth0Identity { Provider = "auth0", UserId = UserId[6..] }] });
                }

                claimedByA.TrySetResult();
                return stuck.Task;
            });
        _users.Setup(u => u.DeleteAsync(UserId, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _sessions.Setup(s => s.DeleteUserSessionsAsync(UserId, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var id = await AddDueRequestAsync();
        var instanceA = Processor().ProcessAsync(id, CancellationToken.None);
        await claimedByA.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var instanceB = Processor();

        Assert.Equal(0, await instanceB.ProcessDueAsync(CancellationToken.None));
        Assert.Equal(DeletionStatus.InProgress, (await RowAsync(id)).Status);

        _clock.Advance(TimeSpan.FromMinutes(new DeletionOptions().ClaimTimeoutMinutes) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await instanceB.ProcessDueAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await instanceB.ProcessDueAsync(CancellationToken.None));
        Assert.Equal(DeletionStatus.Completed, (await RowAsync(id)).Status);
        _users.Verify(u => u.DeleteAsync(UserId, It.IsAny<CancellationToken>()), Times.Once);
        Assert.False(instanceA.IsCompleted);
        Assert.Equal(0, await instanceB.ProcessDueAsync(CancellationToken.None));

        // A comes back (its call answers at last): it finds the request taken over and stops before its next step, so nothing
        // is deleted twice and B's outcome stands.
        var completed = await RowAsync(id);
        stuck.SetResult(new Auth0User { UserId = UserId, Identities = [new Auth0Identity { Provider = "auth0", UserId = UserId[6..] }] });
        Assert.Equal(DeletionRunOutcome.ClaimLost, await instanceA.WaitAsync(TimeSpan.FromSeconds(30)));
        _users.Verify(u => u.DeleteAsync(UserId, It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(s => s.DeleteUserSessionsAsync(UserId, It.IsAny<CancellationToken>()), Times.Once);
        var after = await RowAsync(id);
        Assert.Equal(DeletionStatus.Completed, after.Status);
        Assert.Equal(completed.Attempts, after.Attempts);
        Assert.Equal(completed.Version, after.Version);
    }

    public void Dispose()
    {
        _keys.Dispose();
        _database.Dispose();
    }

    private DeletionProcessor Processor(int maxAttempts = 8)
    {
        var factory = new FactoryAdapter(_database);
        return new DeletionProcessor(factory, _users.Object, _sessions.Object,
            new SecurityEventLog(factory, _keys, new NoCorrelationContext(), _clock),
            new PortalSessionRevocations(factory, _keys, _clock), TestMetrics.Journeys(),
            Options.Create(new DeletionOptions { MaxAttempts = maxAttempts, RetryBaseSeconds = 60 }),
            _clock, NullLogger<DeletionProcessor>.Instance);
    }

    private async Task<Guid> AddDueRequestAsync(TimeSpan? dueIn = null, string userId = UserId)
    {
        var now = _clock.GetUtcNow();
        var due = now + (dueIn ?? TimeSpan.Zero);
        var row = new DeletionRequestRow
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            UserKey = await _keys.ForAsync(userId, CancellationToken.None),
            RequestedAtMs = now.ToUnixTimeMilliseconds(),
            DueAtMs = due.ToUnixTimeMilliseconds(),
            NextAttemptAtMs = due.ToUnixTimeMilliseconds(),
            CancelTokenHash = CancelTokens.Hash(CancelTokens.Create()),
        };
        await using var db = _database.CreateDbContext();
        db.DeletionRequests.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<DeletionRequestRow> RowAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.DeletionRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private sealed class FactoryAdapter(PortalTestDatabase file) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => file.CreateDbContext();
    }

    public sealed class OnSqlite() : DeletionProcessorTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : DeletionProcessorTests(PortalDatabaseProvider.Postgres);
}
