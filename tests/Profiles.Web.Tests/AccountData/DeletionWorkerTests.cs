using Profiles.Core.Data;

namespace Profiles.Web.Tests.AccountData;

/// <summary>The hosted worker itself (the other tests run the processor by hand): it wakes up on its own and deletes due
/// accounts.</summary>
public sealed class DeletionWorkerTests : DataJourneyTests
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
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.NotNull(await TenantUserAsync(AliceId));

        Clock.Advance(TimeSpan.FromDays(8));

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await DeletionRowsAsync()).Single().Status != DeletionStatus.Completed && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Assert.Null(await TenantUserAsync(AliceId));
        var row = Assert.Single(await DeletionRowsAsync());
        Assert.Equal(DeletionStatus.Completed, row.Status);
    }
}
