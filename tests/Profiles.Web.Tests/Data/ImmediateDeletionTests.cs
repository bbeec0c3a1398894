using System.Net;
using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;

namespace Profiles.Web.Tests.Data;

/// <summary>With no grace period the account goes at once, the user is signed out and sees the goodbye page.</summary>
public sealed class ImmediateDeletionTests : DataJourneyTests
{
    protected override int GracePeriodDays => 0;

    [Fact]
    public async Task Immediate_deletion_deletes_signs_out_and_says_goodbye()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data/delete");
        Assert.Contains("as soon as you confirm", page.GetElementById("deletion-timing")!.TextContent, StringComparison.Ordinal);

        var response = await RequestDeletionAsync(page, "DELETE");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/data/goodbye", response.Headers.Location!.OriginalString, ignoreCase: true);
        Assert.Null(await TenantUserAsync(AliceId));
        var goodbye = await GetPageAsync("/data/goodbye");
        Assert.Contains("has been deleted", goodbye.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(goodbye.QuerySelector("nav.account-nav"));
        var after = await Client.GetAsync("/data");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith(Tenant.BaseUrl + "/authorize", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Single(await InDatabaseAsync(db => db.DeletionAudit.AsNoTracking().ToListAsync()));
        Assert.Equal(DeletionStatus.Completed, Assert.Single(await DeletionRowsAsync()).Status);
        Assert.DoesNotContain(await OutboxAsync("alice@example.com"), e => e.Kind == "portal:deletion_scheduled");
    }
}
