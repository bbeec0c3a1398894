using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Profiles.Core.Management;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Terms;

/// <summary>Auth0 answers no page turned into a result, in Development (where an exception would otherwise show the developer
/// page): 403 is a page for the user and a log line naming the missing scope, 429/5xx the busy page, and the overview falls
/// back to the ID token.</summary>
public sealed class Auth0RefusalPageTests() : SignedInPortalTests(SampleProfiles.Alice())
{
    [Fact]
    public async Task A_403_is_a_page_for_the_user_and_names_the_missing_scope_for_the_operator()
    {
        FailReads(new ManagementApiException(HttpStatusCode.Forbidden, "insufficient_scope",
            "Insufficient scope, expected any of: read:users,read:current_user", null));

        var response = await Client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await PortalSession.ParseAsync(response);
        Assert.Equal("The portal is not allowed to do this", page.QuerySelector("h1")!.TextContent.Trim());
        var line = Assert.Single(Portal.Logs.Entries, e => e.Message.Contains("missing scope", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("read:users read:current_user", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", line.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, 30)]
    [InlineData(HttpStatusCode.TooManyRequests, 12)]
    public async Task Busy_or_rate_limited_beyond_the_budget_is_the_busy_page_with_when_to_retry(HttpStatusCode status, int seconds)
    {
        FailReads(new ManagementApiException(status, null, "busy", new RateLimitInfo(null, null, null,
            status == HttpStatusCode.TooManyRequests ? TimeSpan.FromSeconds(seconds) : null)));

        var response = await Client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("Retry-After").Single());
        var page = await PortalSession.ParseAsync(response);
        Assert.Contains(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), page.GetElementById("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_falls_back_to_the_id_token_with_a_notice()
    {
        FailReads(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "busy", null));

        var page = await PortalSession.GetDocumentAsync(Client, "/");

        Assert.NotNull(page.GetElementById("overview-fallback"));
        Assert.Contains("Alice Example", page.GetElementById("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("identities-heading"));
    }

    [Fact]
    public async Task Readiness_is_degraded_while_recent_management_calls_fail()
    {
        Portal.TokenProbe.Setup(p => p.CanObtainTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var healthy = await (await Client.GetAsync("/health/ready")).Content.ReadAsStringAsync();
        var monitor = Portal.Services.GetRequiredService<ManagementCallMonitor>();
        monitor.Record(503);
        monitor.Record(null);
        monitor.Record(403);

        var degraded = await Client.GetAsync("/health/ready");

        Assert.Equal("Healthy", healthy);
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());
    }

    private void FailReads(ManagementApiException failure) =>
        Portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ThrowsAsync(failure);
}
