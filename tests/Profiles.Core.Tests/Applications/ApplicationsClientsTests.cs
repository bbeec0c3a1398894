using System.Net;
using Profiles.Core.Management;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Applications;

public sealed class ApplicationsClientsTests
{
    private static HttpClient Http(StubHandler stub) => new(stub) { BaseAddress = new Uri("https://tenant.example/api/v2/") };

    [Fact]
    public async Task Refresh_tokens_page_with_the_cursor_read_null_and_object_dates_and_delete_accepts_204()
    {
        var stub = new StubHandler(
            () => StubHandler.Json(HttpStatusCode.OK, """{"tokens":[{"id":"rt1","user_id":"auth0|1","client_id":"c1","created_at":"2024-05-01T13:00:30.380Z","idle_expires_at":null,"expires_at":{},"last_exchanged_at":null,"session_id":null,"rotating":false,"device":{"last_ip":"203.0.113.9"},"resource_servers":[{"audience":"https://api","scopes":"openid offline_access"}]}],"next":"rt1","total":2}"""),
            () => new HttpResponseMessage(HttpStatusCode.NoContent));
        var client = new RefreshTokensClient(Http(stub), new FakeTimeProvider(FakeClock.Start));

        var page = await client.GetUserRefreshTokensAsync("auth0|1", 50, "rt0");
        await client.DeleteAsync("rt1");

        Assert.Equal("/api/v2/users/auth0%7C1/refresh-tokens?take=50&from=rt0", stub.Requests[0].PathAndQuery);
        Assert.Equal("rt1", page.Next);
        var token = Assert.Single(page.Tokens);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 13, 0, 30, 380, TimeSpan.Zero), token.CreatedAt);
        Assert.Null(token.LastExchangedAt);
        Assert.Equal("openid offline_access", token.ResourceServers[0].Scopes);
        Assert.Equal("203.0.113.9", token.Device!.LastIp);
        Assert.Equal("/api/v2/refresh-tokens/rt1", stub.Requests[1].PathAndQuery);
        Assert.Equal(HttpMethod.Delete, stub.Requests[1].Method);
    }

    [Fact]
    public async Task User_logs_ask_for_the_newest_page_and_clients_only_for_id_and_name()
    {
        var stub = new StubHandler(
            () => StubHandler.Json(HttpStatusCode.OK, """[{"date":"2026-12-01T10:00:00.000Z","type":"fp","description":"Wrong email or password.","client_id":"c1","client_name":"Mail","ip":"203.0.113.7","user_agent":"Firefox","log_id":"9001","isMobile":false}]"""),
            () => StubHandler.Json(HttpStatusCode.OK, """{"client_id":"c1","name":"Mail"}"""));
        var logs = new UserLogsClient(Http(stub), new FakeTimeProvider(FakeClock.Start));
        var clients = new ClientsClient(Http(stub), new FakeTimeProvider(FakeClock.Start));

        var events = await logs.GetUserLogsAsync("auth0|1", 20);
        var app = await clients.GetAsync("c1");

        Assert.Equal("/api/v2/users/auth0%7C1/logs?page=0&per_page=20&sort=date:-1&include_totals=false", stub.Requests[0].PathAndQuery);
        var e = Assert.Single(events);
        Assert.Equal(("fp", "203.0.113.7", "Mail"), (e.Type, e.Ip, e.ClientName));
        Assert.Equal("/api/v2/clients/c1?fields=client_id,name&include_fields=true", stub.Requests[1].PathAndQuery);
        Assert.Equal("Mail", app.Name);
    }
}
