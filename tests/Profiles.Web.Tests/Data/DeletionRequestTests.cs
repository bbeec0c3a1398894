using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Data;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;

namespace Profiles.Web.Tests.Data;

/// <summary>Asking for deletion with the grace period, and cancelling it.</summary>
public abstract class DeletionRequestTests : DataJourneyTests
{
    [Fact]
    public async Task Delete_page_spells_out_the_consequences_lists_linked_identities_and_offers_the_export()
    {
        await SignInAsync("dave@example.com", "Dave-demo-2026");

        var page = await GetPageAsync("/data/delete");

        var identities = page.GetElementById("identities")!.TextContent;
        // Connection names in plain words, never Auth0's internal ones.
        Assert.Contains("Email and password", identities, StringComparison.Ordinal);
        Assert.DoesNotContain("Username-Password-Authentication", identities, StringComparison.Ordinal);
        Assert.Contains("GitHub", identities, StringComparison.Ordinal);
        Assert.Contains("anonymous", page.GetElementById("consequences")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("7 days", page.GetElementById("deletion-timing")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/data?handler=Export", page.QuerySelector("#export-first")!.GetAttribute("action")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("To confirm, type DELETE", page.QuerySelector("label[for='confirmation']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Request_with_grace_period_marks_app_metadata_emails_a_cancel_link_and_shows_a_banner()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data/delete");

        var response = await RequestDeletionAsync(page, "delete");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/data", response.Headers.Location!.OriginalString, ignoreCase: true);
        var row = Assert.Single(await DeletionRowsAsync());
        Assert.Equal(DeletionStatus.Pending, row.Status);
        Assert.Equal(AliceId, row.UserId);
        Assert.InRange(row.DueAtMs - row.RequestedAtMs, (long)TimeSpan.FromDays(7).TotalMilliseconds, (long)TimeSpan.FromDays(7).TotalMilliseconds);

        var user = (await TenantUserAsync(AliceId))!;
        var requestedAt = DateTimeOffset.Parse((string)user.AppMetadata![AccountMetadataKeys.DeletionRequestedAt]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(row.RequestedAtMs, requestedAt.ToUnixTimeMilliseconds());

        var email = Assert.Single(await OutboxAsync("alice@example.com"), e => e.Kind == "portal:deletion_scheduled");
        var link = Assert.Single(email.Links, l => l.Contains("/data/cancel-deletion?token=", StringComparison.Ordinal));
        var token = new Uri(link).Query["?token=".Length..];
        Assert.NotEqual(token, row.CancelTokenHash);
        Assert.Equal(CancelTokens.Hash(token), row.CancelTokenHash);

        Assert.Contains("will be deleted in 7 days", (await GetPageAsync("/data")).QuerySelector(".status-message")?.TextContent ?? "", StringComparison.Ordinal);
        var overview = await GetPageAsync("/profile");
        var banner = overview.GetElementById("banner-deletion")!;
        Assert.Contains("scheduled for deletion", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("/data/cancel-deletion?handler=Mine", banner.QuerySelector("form")!.GetAttribute("action")!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_confirmation_email_is_in_the_language_stored_in_the_profile()
    {
        using (var scope = Portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IUsersClient>().UpdateAsync(AliceId,
                new UserUpdateRequest { UserMetadata = new JsonObject { ["preferred_language"] = "fr" } });
        }

        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data/delete");
        Assert.Equal("Pour confirmer, tapez SUPPRIMER", page.QuerySelector("label[for='confirmation']")!.TextContent.Trim());

        await RequestDeletionAsync(page, "supprimer");

        var email = Assert.Single(await OutboxAsync("alice@example.com"), e => e.Kind == "portal:deletion_scheduled");
        Assert.StartsWith("Votre compte sera supprimé le", email.Subject, StringComparison.Ordinal);
        Assert.Equal(DeletionStatus.Pending, Assert.Single(await DeletionRowsAsync()).Status);
    }

    [Fact]
    public async Task A_second_request_reuses_the_pending_one()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        var first = Assert.Single(await DeletionRowsAsync());

        // Two tabs: the second one was opened before the first request went through.
        var again = await RequestDeletionAsync(await GetPageAsync("/data"), "DELETE");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var row = Assert.Single(await DeletionRowsAsync());
        Assert.Equal(first.Id, row.Id);
        Assert.Single(await OutboxAsync("alice@example.com"), e => e.Kind == "portal:deletion_scheduled");
        Assert.NotNull((await GetPageAsync("/data/delete")).GetElementById("deletion-status"));
    }

    [Fact]
    public async Task Two_requests_at_the_same_moment_make_one_request_and_one_email()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data/delete");
        // The clock stands still: both requests carry the same requested_at, and only the database's one-open-request rule
        // tells them apart.
        var responses = await Task.WhenAll(RequestDeletionAsync(page, "DELETE"), RequestDeletionAsync(page, "DELETE"));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(DeletionStatus.Pending, Assert.Single(await DeletionRowsAsync()).Status);
        Assert.Single(await OutboxAsync("alice@example.com"), e => e.Kind == "portal:deletion_scheduled");
    }

    [Fact]
    public async Task The_emailed_link_cancels_once_even_when_signed_out_and_a_get_changes_nothing()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        var link = new Uri((await OutboxAsync("alice@example.com")).Single(e => e.Kind == "portal:deletion_scheduled")
            .Links.Single(l => l.Contains("cancel-deletion", StringComparison.Ordinal)));
        var anonymous = NewBrowser();

        var confirm = await GetPageAsync(link.PathAndQuery, anonymous);

        Assert.NotNull(confirm.GetElementById("cancel-form"));
        Assert.Equal(DeletionStatus.Pending, Assert.Single(await DeletionRowsAsync()).Status);
        var posted = await PostAsync("/data/cancel-deletion", confirm, [new("Token", link.Query["?token=".Length..])], anonymous);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var done = await GetPageAsync(posted.Headers.Location!.OriginalString, anonymous);
        Assert.Contains("The deletion was cancelled", done.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);

        var row = Assert.Single(await DeletionRowsAsync());
        Assert.Equal(DeletionStatus.Cancelled, row.Status);
        Assert.Equal("", row.UserId);
        var user = (await TenantUserAsync(AliceId))!;
        Assert.False(user.AppMetadata?.ContainsKey(AccountMetadataKeys.DeletionRequestedAt) ?? false);
        Assert.Single(await OutboxAsync("alice@example.com"), e => e.Kind == "portal:deletion_cancelled");
        Assert.Null((await GetPageAsync("/profile")).GetElementById("banner-deletion"));

        // Used once: the same link is now refused, and posting it again changes nothing.
        var reused = await GetPageAsync(link.PathAndQuery, anonymous);
        Assert.NotNull(reused.GetElementById("cancel-invalid"));
        var replay = await PostAsync("/data/cancel-deletion", confirm, [new("Token", link.Query["?token=".Length..])], anonymous);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("not valid any more", (await Infrastructure.PortalSession.ParseAsync(replay)).QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await OutboxAsync("alice@example.com"), e => e.Kind == "portal:deletion_cancelled");
    }

    [Fact]
    public async Task The_banner_button_cancels_without_a_recent_sign_in()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        MakeSignInStale();
        var page = await GetPageAsync("/profile");

        var response = await PostAsync("/data/cancel-deletion?handler=Mine", page, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DeletionStatus.Cancelled, Assert.Single(await DeletionRowsAsync()).Status);
        Assert.Contains("was cancelled", (await GetPageAsync("/data")).QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        Assert.False((await TenantUserAsync(AliceId))!.AppMetadata?.ContainsKey(AccountMetadataKeys.DeletionRequestedAt) ?? false);
    }

    [Fact]
    public async Task Invalid_cancel_tokens_are_refused_and_change_nothing()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestDeletionAsync(await GetPageAsync("/data/delete"), "DELETE");
        var anonymous = NewBrowser();
        var link = (await OutboxAsync("alice@example.com")).Single(e => e.Kind == "portal:deletion_scheduled")
            .Links.Single(l => l.Contains("cancel-deletion", StringComparison.Ordinal));
        var genuine = await GetPageAsync(new Uri(link).PathAndQuery, anonymous);

        var missing = await GetPageAsync("/data/cancel-deletion", anonymous);
        var forged = await GetPageAsync("/data/cancel-deletion?token=" + CancelTokens.Create(), anonymous);
        var posted = await PostAsync("/data/cancel-deletion", genuine, [new("Token", CancelTokens.Create())], anonymous);

        Assert.NotNull(missing.GetElementById("cancel-invalid"));
        Assert.NotNull(forged.GetElementById("cancel-invalid"));
        Assert.Null(forged.GetElementById("cancel-form"));
        Assert.Contains("not valid any more", (await Infrastructure.PortalSession.ParseAsync(posted)).QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(DeletionStatus.Pending, Assert.Single(await DeletionRowsAsync()).Status);
        Assert.True((await TenantUserAsync(AliceId))!.AppMetadata!.ContainsKey(AccountMetadataKeys.DeletionRequestedAt));
    }

    [Fact]
    public async Task Wrong_typed_confirmation_changes_nothing_and_says_what_to_type()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var before = (await TenantUserAsync(AliceId))!.AppMetadata?.ToJsonString();

        var response = await RequestDeletionAsync(await GetPageAsync("/data/delete"), "delete please");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Infrastructure.PortalSession.ParseAsync(response);
        Assert.Contains("Type DELETE exactly", page.GetElementById("confirmation-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.GetElementById("confirmation")!.GetAttribute("aria-invalid"));
        Assert.Empty(await DeletionRowsAsync());
        Assert.Equal(before, (await TenantUserAsync(AliceId))!.AppMetadata?.ToJsonString());
        Assert.DoesNotContain(await OutboxAsync("alice@example.com"), e => e.Kind == "portal:deletion_scheduled");
        Assert.True(await InDatabaseAsync(db => db.SecurityEvents.AnyAsync(e => e.Action == "deletion_requested" && e.Outcome == "refused")));
    }

    [Fact]
    public async Task Without_the_antiforgery_token_nothing_is_requested()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");

        var response = await Client.PostAsync("/data/delete", new FormUrlEncodedContent([new("Input.Confirmation", "DELETE")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await DeletionRowsAsync());
        Assert.False((await TenantUserAsync(AliceId))!.AppMetadata?.ContainsKey(AccountMetadataKeys.DeletionRequestedAt) ?? false);
    }

    public sealed class OnSqlite : DeletionRequestTests;

    public sealed class OnPostgres : DeletionRequestTests
    {
        protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;
    }
}
