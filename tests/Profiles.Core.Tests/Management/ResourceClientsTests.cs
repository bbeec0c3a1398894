using System.Net;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Management;

public sealed class ResourceClientsTests
{
    private static HttpClient Http(StubHandler stub) => new(stub) { BaseAddress = new Uri("https://tenant.example/api/v2/") };

    [Fact]
    public async Task Jobs_send_the_verification_email_body()
    {
        var stub = new StubHandler(() => StubHandler.Json(HttpStatusCode.Created,
            """{"type":"verification_email","status":"pending","created_at":"2023-04-18T19:25:53.189Z","id":"job_LUdmtO6C0M42uqSz"}"""));
        var jobs = new JobsClient(Http(stub), new FakeTimeProvider(FakeClock.Start));

        var job = await jobs.SendVerificationEmailAsync("auth0|643eeec175f861f25ed0a0b0", new JobIdentity("643eeec175f861f25ed0a0b0", "auth0"));

        Assert.Equal("pending", job.Status);
        Assert.Equal("/api/v2/jobs/verification-email", stub.Requests[0].PathAndQuery);
        Assert.Equal("""{"user_id":"auth0|643eeec175f861f25ed0a0b0","identity":{"user_id":"643eeec175f861f25ed0a0b0","provider":"auth0"}}""", stub.Requests[0].Body);
    }

    [Fact]
    public async Task Tickets_use_auth0_key_spelling()
    {
        var stub = new StubHandler(() => StubHandler.Json(HttpStatusCode.Created, """{"ticket":"https://tenant.example/u/reset-password?ticket=abc#"}"""));
        var tickets = new TicketsClient(Http(stub), new FakeTimeProvider(FakeClock.Start));

        var ticket = await tickets.CreatePasswordChangeTicketAsync(new PasswordChangeTicketRequest
        {
            UserId = "auth0|1", ResultUrl = "https://example.com/change-password", TtlSec = 3600, MarkEmailAsVerified = true, IncludeEmailInRedirect = true,
        });
        await tickets.CreateEmailVerificationTicketAsync(new EmailVerificationTicketRequest { UserId = "auth0|1" });

        Assert.Equal("https://tenant.example/u/reset-password?ticket=abc#", ticket.TicketUrl);
        Assert.Equal("""{"user_id":"auth0|1","result_url":"https://example.com/change-password","ttl_sec":3600,"mark_email_as_verified":true,"includeEmailInRedirect":true}""", stub.Requests[0].Body);
        Assert.Equal("/api/v2/tickets/email-verification", stub.Requests[1].PathAndQuery);
        Assert.Equal("""{"user_id":"auth0|1"}""", stub.Requests[1].Body);
    }

    [Fact]
    public async Task Sessions_are_listed_with_paging_and_deleted()
    {
        var stub = new StubHandler(
            () => StubHandler.Json(HttpStatusCode.OK, """{"sessions":[{"id":"s1","user_id":"auth0|1","created_at":"2024-01-01T00:00:00.000Z","device":{"last_ip":"203.0.113.9","last_user_agent":"Firefox"},"clients":[{"client_id":"c1"}],"authentication":{"methods":[{"name":"pwd","timestamp":"2024-01-01T00:00:00.000Z"}]}}],"next":"cursor-2"}"""),
            () => StubHandler.Json(HttpStatusCode.Accepted, "{}"));
        var sessions = new SessionsClient(Http(stub), new FakeTimeProvider(FakeClock.Start));

        var page = await sessions.GetUserSessionsAsync("auth0|1", 10, "cursor-1");
        await sessions.DeleteUserSessionsAsync("auth0|1");

        Assert.Equal("/api/v2/users/auth0%7C1/sessions?take=10&from=cursor-1", stub.Requests[0].PathAndQuery);
        Assert.Equal("cursor-2", page.Next);
        Assert.Equal("Firefox", page.Sessions[0].Device!.LastUserAgent);
        Assert.Equal("c1", page.Sessions[0].Clients[0].ClientId);
        Assert.Equal("pwd", page.Sessions[0].Authentication!.Methods[0].Name);
        Assert.Equal(HttpMethod.Delete, stub.Requests[1].Method);
        Assert.Equal("/api/v2/users/auth0%7C1/sessions", stub.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Grants_read_client_id_spelled_clientID()
    {
        var stub = new StubHandler(
            () => StubHandler.Json(HttpStatusCode.OK, """[{"user_id":"auth0|1","audience":"https://tenant.example/api/v2/","scope":["openid","profile"],"clientID":"Z3FK","id":"63cff5bc7209008e35c888c1"}]"""),
            () => new HttpResponseMessage(HttpStatusCode.NoContent));
        var grants = new GrantsClient(Http(stub), new FakeTimeProvider(FakeClock.Start));

        var list = await grants.GetAllAsync("auth0|1");
        await grants.DeleteAllAsync("auth0|1");

        Assert.Equal("Z3FK", list[0].ClientId);
        Assert.Equal(["openid", "profile"], list[0].Scope);
        Assert.Equal("/api/v2/grants?user_id=auth0%7C1", stub.Requests[0].PathAndQuery);
        Assert.Equal(HttpMethod.Delete, stub.Requests[1].Method);
        Assert.Equal("/api/v2/grants?user_id=auth0%7C1", stub.Requests[1].PathAndQuery);
    }
}
