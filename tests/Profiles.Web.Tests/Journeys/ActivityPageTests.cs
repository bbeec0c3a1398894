using System.Net;
using Profiles.Core.Persistence;
using Profiles.LocalTenant.Data;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Journeys;

/// <summary>The security activity page lists the signed-in user's own events, and only theirs, on one timeline with their
/// sign-ins.</summary>
public abstract class ActivityPageTests : TenantPortalTests
{
    private const string ResetPath = "/security/password/reset-link?handler=SendResetLink";

    [Fact]
    public async Task Lists_the_users_own_events_newest_first_with_time_zone_and_reference_and_not_another_users()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var bob = NewBrowser();
        await SignInAsync("bob@example.com", "Bob-demo-2026", bob);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ResetPath, await GetPageAsync("/security/password"), [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ResetPath, await GetPageAsync("/security/password"), [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/security/password?handler=ChangePassword", await GetPageAsync("/security/password", bob),
            [new("Input.NewPassword", "a"), new("Input.ConfirmPassword", "b")], bob)).StatusCode);

        var page = await GetPageAsync("/activity");

        var rows = page.QuerySelectorAll("#activity tbody tr[data-action]");
        Assert.Equal(2, rows.Length);
        Assert.Equal("throttled", rows[0].GetAttribute("data-outcome"));
        Assert.Equal("succeeded", rows[1].GetAttribute("data-outcome"));
        Assert.All(rows, r => Assert.Equal("password_reset_requested", r.GetAttribute("data-action")));
        var cells = rows[1].QuerySelectorAll("td");
        Assert.Contains("(Europe/London)", cells[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Password reset link requested", cells[1].TextContent.Trim());
        Assert.Equal("Done", cells[2].TextContent.Trim());
        Assert.Equal("In this account portal", cells[3].TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(cells[4].QuerySelector("code")?.TextContent));
        Assert.Equal(5, page.QuerySelectorAll("#activity thead th[scope='col']").Length);
        // The sign-in recorded by the tenant is on the same timeline, below the events that came after it.
        var lines = page.QuerySelectorAll("#activity tbody tr").Select(r => r.GetAttribute("data-source")).ToList();
        Assert.Equal("sign-in", lines[^1]);
        Assert.Equal(["portal", "portal"], lines.Where(l => l == "portal"));
        Assert.NotNull(page.QuerySelector("#activity caption"));

        var bobsPage = await GetPageAsync("/activity", bob);
        var bobsRow = Assert.Single(bobsPage.QuerySelectorAll("#activity tbody tr[data-action]"));
        Assert.Equal("password_changed", bobsRow.GetAttribute("data-action"));
        Assert.Equal("refused", bobsRow.GetAttribute("data-outcome"));
    }

    [Fact]
    public async Task A_user_without_events_sees_the_empty_state()
    {
        // Without the sign-in history (no read:logs_users), Dave's sign-in is not listed either.
        Tenant.Store.Write(w =>
        {
            var client = w.All<TenantClient>().Single(c => c.Name == "Portal under test");
            client.ManagementScopes.Remove("read:logs_users");
            w.Save(client);
        });
        await SignInAsync("dave@example.com", "Dave-demo-2026");

        var page = await GetPageAsync("/activity");

        Assert.Null(page.QuerySelector("#activity"));
        Assert.Contains("No security events yet", page.QuerySelector("#activity-empty")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_and_outcomes_are_shown_in_the_users_language()
    {
        await SignInAsync("frank@example.com", "Frank-demo-2026");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ResetPath, await GetPageAsync("/security/password"), [])).StatusCode);

        var page = await GetPageAsync("/activity");

        var cells = Assert.Single(page.QuerySelectorAll("#activity tbody tr[data-action]")).QuerySelectorAll("td");
        Assert.Equal("Activité de sécurité", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("(Europe/Paris)", cells[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Lien de réinitialisation du mot de passe demandé", cells[1].TextContent.Trim());
        Assert.Equal("Effectué", cells[2].TextContent.Trim());
    }

    public sealed class OnSqlite : ActivityPageTests;

    public sealed class OnPostgres : ActivityPageTests
    {
        protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;
    }
}
