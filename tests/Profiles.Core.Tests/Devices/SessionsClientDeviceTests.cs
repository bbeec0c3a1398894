using System.Net;
using Profiles.Core.Management;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Devices;

/// <summary>The sessions client's part in the devices journey: revoke, and session dates in every shape Auth0 documents.</summary>
public sealed class SessionsClientDeviceTests
{
    private static HttpClient Http(StubHandler stub) => new(stub) { BaseAddress = new Uri("https://tenant.example/api/v2/") };

    [Fact]
    public async Task Revoke_posts_to_the_session_and_dates_may_be_strings_null_or_objects()
    {
        var stub = new StubHandler(
            () => StubHandler.Json(HttpStatusCode.OK,
                """{"sessions":[{"id":"s1","created_at":"2024-05-01T13:00:30.380Z","updated_at":null,"last_interacted_at":{"date":"2024-05-01T13:00:30.380Z"},"expires_at":"not a date"}]}"""),
            () => StubHandler.Json(HttpStatusCode.Accepted, "{}"));
        var sessions = new SessionsClient(Http(stub), new FakeTimeProvider(FakeClock.Start));

        var page = await sessions.GetUserSessionsAsync("auth0|1");
        await sessions.RevokeSessionAsync("s/1");

        var session = Assert.Single(page.Sessions);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 13, 0, 30, 380, TimeSpan.Zero), session.CreatedAt);
        Assert.Null(session.UpdatedAt);
        Assert.Null(session.LastInteractedAt);
        Assert.Null(session.ExpiresAt);
        Assert.Null(page.Next);
        Assert.Equal(HttpMethod.Post, stub.Requests[1].Method);
        Assert.Equal("/api/v2/sessions/s%2F1/revoke", stub.Requests[1].PathAndQuery);
    }
}
