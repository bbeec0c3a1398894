using System.Net;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Data;

/// <summary>The cancel link in the deletion email is built from the configured public origin: a forged Host header on the
/// request that schedules the deletion never reaches the email.</summary>
public sealed class DeletionEmailOriginTests : DataJourneyTests
{
    [Fact]
    public async Task A_forged_host_does_not_reach_the_cancel_link_in_the_email()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data/delete");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/data/delete")
        {
            Content = new FormUrlEncodedContent([
                new("__RequestVerificationToken", PortalSession.AntiforgeryToken(page)),
                new("Input.Confirmation", "delete"),
            ]),
        };
        request.Headers.Host = "evil.example";

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var email = Assert.Single(await OutboxAsync("alice@example.com"), e => e.Kind == "portal:deletion_scheduled");
        var link = Assert.Single(email.Links, l => l.Contains("/data/cancel-deletion?token=", StringComparison.Ordinal));
        Assert.StartsWith("https://localhost/data/cancel-deletion?token=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", email.Body, StringComparison.OrdinalIgnoreCase);
    }
}
