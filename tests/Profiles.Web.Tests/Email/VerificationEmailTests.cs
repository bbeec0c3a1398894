using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Activity;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Email;

/// <summary>The "not verified" banner and its resend button: one email per cooldown, and a cooldown that lives in the portal
/// database rather than in the process.</summary>
public sealed class VerificationEmailTests : TenantPortalTests
{
    private const string JobsPath = "/api/v2/jobs/verification-email";

    [Fact]
    public async Task The_banner_shows_on_every_page_only_while_the_email_is_unverified()
    {
        await SignInAsync("bob@example.com", "Bob-demo-2026");
        foreach (var path in new[] { "/", "/profile", "/security/email" })
        {
            var page = await GetPageAsync(path);
            var banner = page.QuerySelector("#banner-unverified-email");
            Assert.NotNull(banner);
            Assert.Contains("not verified", banner.TextContent, StringComparison.Ordinal);
            Assert.Equal("/security/verification?handler=Resend", banner.QuerySelector("form")!.GetAttribute("action"));
        }

        var alice = NewBrowser();
        await SignInAsync("alice@example.com", "Alice-demo-2026", alice);
        Assert.Null((await GetPageAsync("/", alice)).QuerySelector("#banner-unverified-email"));
        Assert.Contains("Verified", (await GetPageAsync("/security/email", alice)).QuerySelector("#email-verified")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_sends_one_email_and_the_cooldown_survives_a_portal_restart()
    {
        await SignInAsync("bob@example.com", "Bob-demo-2026");

        var first = await ResendAsync(Client);
        Assert.Contains("sent a new verification email", first.QuerySelector("#email-status")!.TextContent, StringComparison.Ordinal);
        var email = Assert.Single(await OutboxAsync("bob@example.com"));
        Assert.Equal("verification", email.Kind);

        var second = await ResendAsync(Client);
        Assert.Contains("sent recently", second.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 minutes", second.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);

        // A second portal process on the same database (new memory, new services) still knows about the cooldown.
        await using var restarted = RestartedPortal();
        var client = restarted.CreatePortalClient();
        await SignInAsync("bob@example.com", "Bob-demo-2026", client);
        var afterRestart = await ResendAsync(client);
        Assert.Contains("sent recently", afterRestart.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);

        Assert.Single(await OutboxAsync("bob@example.com"));
        Assert.Equal(1, TenantRequests.Count("POST", JobsPath));
        var events = await Portal.Services.GetRequiredService<ISecurityEventLog>().ListRecentAsync(EmailJourney.BobId, 10, CancellationToken.None);
        Assert.Contains(events, e => e.Action == SecurityActions.VerificationEmailSent && e.Outcome == SecurityOutcomes.Succeeded);
        Assert.Contains(events, e => e.Action == SecurityActions.VerificationEmailSent && e.Outcome == SecurityOutcomes.Throttled);

        // Following the link verifies the address at the tenant.
        using var browser = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(email.Links.Single(l => l.Contains("email-verification", StringComparison.Ordinal)))).StatusCode);
        Assert.True((await EmailJourney.ManagementUserAsync(Portal, EmailJourney.BobId)).EmailVerified);
    }

    [Fact]
    public async Task A_server_error_is_not_retried_and_the_user_is_told_the_email_may_still_come()
    {
        await SignInAsync("bob@example.com", "Bob-demo-2026");
        var page = await GetPageAsync("/security/email");

        // The tenant sends the email, then answers 503: the case where a retry would send a duplicate.
        await SetFaultsAsync(new { serverErrorRate = 1.0, faultAfterEffect = true });
        var response = await PostAsync("/security/verification?handler=Resend", page, []);
        await SetFaultsAsync(new { serverErrorRate = 0.0 });

        Assert.Equal("/security/email", response.Headers.Location!.OriginalString);
        Assert.Equal(1, TenantRequests.Count("POST", JobsPath));
        var answer = await GetPageAsync("/security/email");
        Assert.Contains("did not confirm", answer.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await OutboxAsync("bob@example.com"));

        // The cooldown holds after an uncertain answer: asking again sends nothing.
        var again = await ResendAsync(Client);
        Assert.Contains("sent recently", again.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, TenantRequests.Count("POST", JobsPath));
        Assert.Single(await OutboxAsync("bob@example.com"));
    }

    [Fact]
    public async Task A_verified_user_gets_nothing_sent()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var answer = await ResendAsync(Client);
        Assert.Contains("already verified", answer.QuerySelector("#email-status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, TenantRequests.Count("POST", JobsPath));
        Assert.Empty(await OutboxAsync("alice@example.com"));
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ResendAsync(HttpClient client)
    {
        var page = await GetPageAsync("/security/email", client);
        var response = await PostAsync("/security/verification?handler=Resend", page, [], client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/security/email", response.Headers.Location!.OriginalString);
        return await GetPageAsync("/security/email", client);
    }

    private async Task SetFaultsAsync(object faults)
    {
        using var http = new HttpClient();
        var response = await http.PutAsJsonAsync(Tenant.BaseUrl + "/local/faults", faults);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Another portal with the same tenant client and the same database file as <see cref="TenantPortalTests.Portal"/>.</summary>
    private PortalFactory RestartedPortal()
    {
        var configuration = Portal.Services.GetRequiredService<IConfiguration>();
        var settings = new Dictionary<string, string?>
        {
            ["PortalDatabase:ConnectionString"] = $"Data Source={Portal.DatabasePath}",
        };
        foreach (var key in new[] { "Auth0:ClientId", "Auth0:ClientSecret", "Auth0:Management:ClientId", "Auth0:Management:ClientSecret" })
        {
            settings[key] = configuration[key];
        }

        return new PortalFactory(Tenant.BaseUrl, extraSettings: settings, realProfileService: true);
    }
}
