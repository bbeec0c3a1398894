using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Data;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Hosting;

namespace Profiles.Web.Tests.Data;

/// <summary>The worker's side: due deletions, retries, a worker that stopped half-way, and duplicates.</summary>
public abstract class DeletionProcessingTests : DataJourneyTests
{
    [Fact]
    public async Task A_due_request_deletes_every_identity_ends_all_sessions_erases_portal_records_and_leaves_an_anonymous_audit()
    {
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var otherBrowser = NewBrowser();
        await SignInAsync("dave@example.com", "Dave-demo-2026", otherBrowser);
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        var request = Assert.Single(await DeletionRowsAsync());
        Assert.Equal(2, await InDatabaseAsync(db => db.PortalSessions.CountAsync(s => s.UserKey == request.UserKey)));
        Assert.Equal(0, await ProcessDueAsync());
        Assert.NotNull(await TenantUserAsync(DaveId));
        TenantRequests.Clear();

        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await ProcessDueAsync());
        Clock.AdjustTime(Clock.Start);

        Assert.Null(await TenantUserAsync(DaveId));
        Assert.Null(await TenantUserAsync(DaveGithubId));
        Assert.Equal(1, TenantRequests.Count("DELETE", "/api/v2/users/" + DaveId + "/sessions"));
        Assert.Equal(1, TenantRequests.Count("DELETE", "/api/v2/users/" + DaveId + "/identities/github/4120001"));
        Assert.Equal(1, TenantRequests.All.Count(r => r.Method == "DELETE" && r.Path == "/api/v2/users/" + DaveGithubId));
        Assert.Equal(1, TenantRequests.All.Count(r => r.Method == "DELETE" && r.Path == "/api/v2/users/" + DaveId));

        var audit = Assert.Single(await InDatabaseAsync(db => db.DeletionAudit.AsNoTracking().ToListAsync()));
        Assert.Equal(request.Id, audit.RequestId);
        Assert.Equal(DeletionStatus.Completed, audit.Outcome);
        Assert.Equal(2, audit.IdentitiesRemoved);
        Assert.Equal(request.RequestedAtMs, audit.RequestedAtMs);
        var closed = Assert.Single(await DeletionRowsAsync());
        Assert.Equal(DeletionStatus.Completed, closed.Status);
        Assert.Equal("", closed.UserId);
        Assert.Equal("", closed.CancelTokenHash);
        Assert.False(await InDatabaseAsync(db => db.SecurityEvents.AnyAsync(e => e.UserKey == request.UserKey)));
        Assert.False(await InDatabaseAsync(db => db.ActionCooldowns.AnyAsync(c => c.UserKey == request.UserKey)));
        Assert.False(await InDatabaseAsync(db => db.PortalSessions.AnyAsync(s => s.UserKey == request.UserKey)));

        // Both portal sessions end at their next request, although the clock is back to a time they were valid.
        foreach (var browser in new[] { Client, otherBrowser })
        {
            var response = await browser.GetAsync("/data");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(Tenant.BaseUrl + "/authorize", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // Once every session from before the deletion would have expired anyway, the last trace of the key goes.
        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(13));
        await ProcessDueAsync();
        Assert.Empty(await DeletionRowsAsync());
        Assert.False(await InDatabaseAsync(db => db.SessionRevocations.AnyAsync(s => s.UserKey == request.UserKey)));
        Assert.Single(await InDatabaseAsync(db => db.DeletionAudit.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_after_a_backoff_and_deletes_once()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        Clock.Advance(TimeSpan.FromDays(8));
        var faults = Tenant.Services.GetRequiredService<FaultInjector>();
        faults.Set(new FaultSettings { ServerErrorRate = 1 });

        Assert.Equal(0, await ProcessDueAsync());

        faults.Set(new FaultSettings());
        var failed = Assert.Single(await DeletionRowsAsync());
        Assert.Equal(DeletionStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("http_503", failed.LastError);
        Assert.Equal(AliceId, failed.UserId);
        Assert.NotNull(await TenantUserAsync(AliceId));
        Assert.Equal(0, await ProcessDueAsync());

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await ProcessDueAsync());
        Assert.Null(await TenantUserAsync(AliceId));
        Assert.Single(await InDatabaseAsync(db => db.DeletionAudit.AsNoTracking().ToListAsync()));
        Assert.Equal(0, await ProcessDueAsync());
    }

    [Fact]
    public async Task A_worker_that_stopped_after_unlinking_is_taken_over_when_its_claim_expires_and_the_unlinked_identity_is_deleted_too()
    {
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        Clock.Advance(TimeSpan.FromDays(8));
        // What a worker had done before it stopped: claimed the request, recorded the identities and unlinked GitHub.
        var claimUntil = Clock.GetUtcNow().AddMinutes(10).ToUnixTimeMilliseconds();
        await InDatabaseAsync(db => db.DeletionRequests.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, DeletionStatus.InProgress)
            .SetProperty(r => r.NextAttemptAtMs, claimUntil)
            .SetProperty(r => r.Version, r => r.Version + 1)));
        using (var scope = Portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<IUsersClient>();
            await users.UpdateAsync(DaveId, new UserUpdateRequest { AppMetadata = new JsonObject { [AccountMetadataKeys.DeletionIdentities] = new JsonArray(DaveGithubId) } });
            await users.UnlinkAccountAsync(DaveId, "github", "4120001");
        }

        Assert.NotNull(await TenantUserAsync(DaveGithubId));

        Assert.Equal(0, await ProcessDueAsync());
        Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await ProcessDueAsync());

        Assert.Null(await TenantUserAsync(DaveId));
        Assert.Null(await TenantUserAsync(DaveGithubId));
        Assert.Equal(2, Assert.Single(await InDatabaseAsync(db => db.DeletionAudit.AsNoTracking().ToListAsync())).IdentitiesRemoved);
    }

    [Fact]
    public async Task A_request_whose_account_is_already_gone_completes_without_error()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        using (var scope = Portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IUsersClient>().DeleteAsync(AliceId);
        }

        Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await ProcessDueAsync());

        Assert.Equal(DeletionStatus.Completed, Assert.Single(await DeletionRowsAsync()).Status);
        Assert.Single(await InDatabaseAsync(db => db.DeletionAudit.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task Two_processors_at_once_delete_the_account_exactly_once()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        Clock.Advance(TimeSpan.FromDays(8));
        TenantRequests.Clear();

        var counts = await Task.WhenAll(ProcessDueAsync(), ProcessDueAsync(), ProcessDueAsync());

        Assert.Equal(1, counts.Sum());
        Assert.Null(await TenantUserAsync(AliceId));
        Assert.Equal(1, TenantRequests.All.Count(r => r.Method == "DELETE" && r.Path == "/api/v2/users/" + AliceId));
        Assert.Single(await InDatabaseAsync(db => db.DeletionAudit.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task A_cancelled_request_is_never_processed()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        await PostAsync("/data/cancel-deletion?handler=Mine", await GetPageAsync("/data"), []);

        Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, await ProcessDueAsync());

        Assert.NotNull(await TenantUserAsync(AliceId));
        Assert.Empty(await InDatabaseAsync(db => db.DeletionAudit.AsNoTracking().ToListAsync()));
    }

    public sealed class OnSqlite : DeletionProcessingTests;

    public sealed class OnPostgres : DeletionProcessingTests
    {
        protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;
    }
}
