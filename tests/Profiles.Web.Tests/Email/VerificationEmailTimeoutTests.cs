using System.Net.Http.Json;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Email;

/// <summary>A resend whose answer comes too late: the portal gives up after its attempt timeout and does not try again.</summary>
public sealed class VerificationEmailTimeoutTests : TenantPortalTests
{
    private const string JobsPath = "/api/v2/jobs/verification-email";

    protected override IDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Auth0:Management:AttemptTimeout"] = "00:00:01",
    };

    [Fact]
    public async Task A_timed_out_resend_is_sent_once_and_the_user_is_told_to_wait()
    {
        await SignInAsync("bob@example.com", "Bob-demo-2026");
        var page = await GetPageAsync("/security/email");

        using var http = new HttpClient();
        (await http.PutAsJsonAsync(Tenant.BaseUrl + "/local/faults", new { latencyMs = 2500 })).EnsureSuccessStatusCode();
        // The tenant's latency and the portal's attempt timeout both run on the shared fake clock: move it in small steps until
        // the portal answers. Its 1 s timeout was armed before the request reached the tenant, so it fires first.
        var posting = PostAsync("/security/verification?handler=Resend", page, []);
        await Eventually.TrueAsync(() => Task.FromResult(posting.IsCompleted), "the portal's answer",
            () => Clock.Advance(TimeSpan.FromMilliseconds(100)));
        var response = await posting;
        (await http.PutAsJsonAsync(Tenant.BaseUrl + "/local/faults", new { latencyMs = 0 })).EnsureSuccessStatusCode();

        Assert.Equal("/security/email", response.Headers.Location!.OriginalString);
        var answer = await GetPageAsync("/security/email");
        Assert.Contains("did not confirm", answer.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);

        // Let the delayed request finish at the tenant (it is logged when it ends: past its latency, or aborted with the
        // portal's attempt), then count what reached it.
        Clock.Advance(TimeSpan.FromSeconds(3));
        await Eventually.TrueAsync(() => Task.FromResult(TenantRequests.Count("POST", JobsPath) > 0), "the tenant to log the resend");
        Assert.Equal(1, TenantRequests.Count("POST", JobsPath));
        Assert.True((await OutboxAsync("bob@example.com")).Count <= 1);
    }
}
