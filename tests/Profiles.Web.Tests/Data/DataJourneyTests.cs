using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Data;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Data;

/// <summary>Shared helpers for the export and deletion journeys: reads back from the tenant (its Management API) and the
/// portal database, and runs the deletion processor on demand (the background worker is off so tests decide when).</summary>
public abstract class DataJourneyTests : TenantPortalTests
{
    protected const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    protected const string DaveId = "auth0|64b97a87b6c808c6f9cc0004";
    protected const string DaveGithubId = "github|4120001";

    protected virtual int GracePeriodDays => 7;

    protected override IDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Profiles:Deletion:WorkerEnabled"] = "false",
        ["Profiles:Deletion:GracePeriodDays"] = GracePeriodDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Profiles:Deletion:RetryBaseSeconds"] = "60",
        ["Auth0:Management:MaxRetries"] = "0",
    };

    /// <summary>The user as the tenant has it now, or null when it does not exist.</summary>
    protected async Task<Auth0User?> TenantUserAsync(string userId)
    {
        using var scope = Portal.Services.CreateScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IUsersClient>().GetAsync(userId);
        }
        catch (ManagementApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    protected async Task<T> InDatabaseAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        var factory = Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await read(db);
    }

    protected Task<List<DeletionRequestRow>> DeletionRowsAsync() => InDatabaseAsync(db => db.DeletionRequests.AsNoTracking().ToListAsync());

    /// <summary>Runs one round of a deletion processor, as the worker would (its own scope).</summary>
    protected async Task<int> ProcessDueAsync()
    {
        using var scope = Portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DeletionProcessor>().ProcessDueAsync(CancellationToken.None);
    }

    protected Task<HttpResponseMessage> RequestDeletionAsync(AngleSharp.Html.Dom.IHtmlDocument page, string confirmation) =>
        PostAsync("/data/delete", page, [new("Input.Confirmation", confirmation)]);
}
