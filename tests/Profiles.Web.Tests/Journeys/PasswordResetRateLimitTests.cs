using System.Net;
using System.Net.Http.Json;

namespace Profiles.Web.Tests.Journeys;

/// <summary>With the portal's cooldown set below Auth0's limit (a misconfiguration), Auth0's own 429 for the address (burst 10,
/// then 1 per minute) reaches the user as the same countdown message, and that request sends no email.</summary>
public sealed class PasswordResetRateLimitTests : Infrastructure.TenantPortalTests
{
    protected override IDictionary<string, string?> PortalSettings =>
        new Dictionary<string, string?> { ["Profiles:Password:ResetLinkCooldownSeconds"] = "1" };

    [Fact]
    public async Task Auth0_429_is_shown_as_the_cooldown_message()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        using (var control = new HttpClient())
        {
            using var plan = await control.PutAsJsonAsync(Tenant.BaseUrl + "/local/rate-limits", new { plan = "free", sendRetryAfter = false });
            plan.EnsureSuccessStatusCode();
        }

        for (var attempt = 0; attempt < 12 && !TenantRequests.All.Any(IsRateLimited); attempt++)
        {
            var page = await GetPageAsync("/security/password");
            Assert.Null(page.QuerySelector("#reset-error"));
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("/security/password/reset-link?handler=SendResetLink", page, [])).StatusCode);
            Clock.Advance(TimeSpan.FromSeconds(2));
        }

        var after = await GetPageAsync("/security/password");
        Assert.Contains(TenantRequests.All, IsRateLimited);
        Assert.Matches(@"another one in \d+ seconds", after.QuerySelector("#reset-error")!.TextContent);
        var accepted = TenantRequests.All.Count(r => r.Path == "/dbconnections/change_password" && r.StatusCode == 200);
        Assert.Equal(accepted, (await OutboxAsync("alice@example.com")).Count);
    }

    private static bool IsRateLimited(Profiles.LocalTenant.Faults.LoggedRequest request) =>
        request.Path == "/dbconnections/change_password" && request.StatusCode == 429;
}
