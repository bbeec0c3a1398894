using System.Net;
using System.Text.Json.Nodes;
using Profiles.Core.Activity;
using Profiles.Core.Persistence;

namespace Profiles.Web.Tests.Data;

public abstract class DataExportTests : DataJourneyTests
{
    [Fact]
    public async Task Export_is_a_json_attachment_with_profile_metadata_identities_and_security_events_but_no_tokens()
    {
        // A token where Auth0 could put one: it must not reach the file.
        Tenant.Store.Write(w =>
        {
            var user = w.FindUser(DaveId)!.Clone();
            user.Identities[1].ProfileData!["access_token"] = "gho_secret_access";
            user.Identities[1].ProfileData!["refresh_token"] = "ghr_secret_refresh";
            w.Save(user);
        });
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var page = await GetPageAsync("/data");
        TenantRequests.Clear();

        var response = await PostAsync("/data?handler=Export", page, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"profiles-export-{Clock.GetUtcNow().UtcDateTime:yyyy-MM-dd}.json", disposition.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        // Read fresh from the tenant, not from the profile cache the page filled.
        Assert.Equal(1, TenantRequests.Count("GET", "/api/v2/users/" + DaveId));

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("gho_secret_access", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ghr_secret_refresh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", text, StringComparison.Ordinal);
        var json = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(1, (int)json["export"]!["format_version"]!);
        Assert.Equal("dave@example.com", (string?)json["profile"]!["email"]);
        Assert.Equal(DaveId, (string?)json["profile"]!["user_id"]);
        var identities = json["identities"]!.AsArray();
        Assert.Equal(2, identities.Count);
        Assert.Equal("github", (string?)identities[1]!["provider"]);
        Assert.Equal("4120001", (string?)identities[1]!["user_id"]);
        Assert.Equal("dave@github.example", (string?)identities[1]!["profile_data"]!["email"]);
        var events = json["portal_records"]!["security_events"]!.AsArray();
        Assert.Contains(events, e => (string?)e!["action"] == SecurityActions.DataExported && (string?)e["outcome"] == SecurityOutcomes.Succeeded);
    }

    [Fact]
    public async Task Export_includes_preferences_and_portal_records()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data");

        var response = await PostAsync("/data?handler=Export", page, []);

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("Europe/London", (string?)json["user_metadata"]!["time_zone"]);
        Assert.Equal("en", (string?)json["user_metadata"]!["preferred_language"]);
        Assert.NotNull(json["app_metadata"]);
        var records = json["portal_records"]!.AsObject();
        Assert.Null(records["pending_email_change"]);
        Assert.Empty(records["deletion_requests"]!.AsArray());
        Assert.Contains(records["cooldowns"]!.AsArray(), c => (string?)c!["action"] == "data_export");
        // Where the user is signed in to the portal: this session, as the devices page shows it.
        var session = Assert.Single(records["portal_sessions"]!.AsArray());
        Assert.NotNull((string?)session!["signed_in_at"]);
        Assert.False(string.IsNullOrEmpty((string?)session["auth0_session_id"]));
        Assert.Null(session["user_agent"]);
    }

    [Fact]
    public async Task A_second_export_within_the_cooldown_is_refused_with_the_wait_and_reads_nothing()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/data?handler=Export", page, [])).StatusCode);
        TenantRequests.Clear();

        var again = await PostAsync("/data?handler=Export", page, []);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("text/html", again.Content.Headers.ContentType!.MediaType);
        var document = await Infrastructure.PortalSession.ParseAsync(again);
        Assert.Contains("You can download it again in 10 minutes", document.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, TenantRequests.Count("GET", "/api/v2/users/"));

        var reloaded = await GetPageAsync("/data");
        Assert.Contains("10 minutes", reloaded.GetElementById("export-wait")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_without_antiforgery_token_is_refused()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await GetPageAsync("/data");
        TenantRequests.Clear();

        var response = await Client.PostAsync("/data?handler=Export", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, TenantRequests.Count("GET", "/api/v2/users/"));
    }

    public sealed class OnSqlite : DataExportTests;

    public sealed class OnPostgres : DataExportTests
    {
        protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;
    }
}
