using Profiles.Core.Persistence;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Data;

/// <summary>The hosted worker itself (the other tests run the processor by hand): it wakes up on its own and deletes due
/// accounts.</summary>
public abstract class DeletionWorkerTests : DataJourneyTests
{
    protected override IDictionary<string, string?> PortalSettings
    {
        get
        {
            var settings = base.PortalSettings;
            settings["Profiles:Deletion:WorkerEnabled"] = "true";
            settings["Profiles:Deletion:PollSeconds"] = "1";
            return settings;
        }
    }

    [Fact]
    public async Task The_background_worker_deletes_a_due_account_on_its_own()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");

        // The worker's rounds come round on the fake clock: two poll intervals pass while the request is not yet due.
        Clock.Advance(TimeSpan.FromSeconds(1));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await TenantUserAsync(AliceId));

        Clock.Advance(TimeSpan.FromDays(8));

        // Nobody runs the processor here: the worker has to find the due request on one of its own rounds (one per poll
        // interval of fake time).
        await Eventually.TrueAsync(async () => (await DeletionRowsAsync()).Single().Status == DeletionStatus.Completed,
            "the worker to complete the deletion", () => Clock.Advance(TimeSpan.FromSeconds(1)));

        Assert.Null(await TenantUserAsync(AliceId));
        var row = Assert.Single(await DeletionRowsAsync());
        Assert.Equal(DeletionStatus.Completed, row.Status);
    }

    public sealed class OnSqlite : DeletionWorkerTests;

    public sealed class OnPostgres : DeletionWorkerTests
    {
        protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;
    }
}
