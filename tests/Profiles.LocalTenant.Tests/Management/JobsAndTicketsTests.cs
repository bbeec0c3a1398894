using System.Net;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

public sealed class JobsAndTicketsTests(TenantFixture tenant) : IClassFixture<TenantFixture>
{
    private readonly HttpClient _client = tenant.CreateManagementClient();

    [Fact]
    public async Task Verification_email_job_is_201_pending_then_completed_with_an_outbox_email()
    {
        var response = await _client.PostJsonAsync("api/v2/jobs/verification-email",
            """{"user_id":"auth0|64b97a87b6c808c6f9cc0002","client_id":"profiles-portal-dev","identity":{"user_id":"64b97a87b6c808c6f9cc0002","provider":"auth0"}}""");
        var job = await response.ExpectObjectAsync(HttpStatusCode.Created);

        Assert.Equal(["created_at", "id", "status", "type"], job.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("verification_email", job["type"]!.GetValue<string>());
        Assert.Equal("pending", job["status"]!.GetValue<string>());
        Assert.Matches("^job_[A-Za-z0-9]{16}$", job["id"]!.GetValue<string>());

        using var reader = tenant.CreateManagementClient("read:users");
        var later = await (await reader.GetAsync("api/v2/jobs/" + job["id"]!.GetValue<string>())).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Equal("completed", later["status"]!.GetValue<string>());
        Assert.Equal(job["created_at"]!.GetValue<string>(), later["created_at"]!.GetValue<string>());

        var email = tenant.Store.Read(d => d.All<OutboxEmail>().Where(e => e.To == "bob@example.com" && e.Kind == "verification").ToList()).Last();
        var link = Assert.Single(email.Links);
        Assert.StartsWith(tenant.BaseUrl + "/u/email-verification?ticket=", link, StringComparison.Ordinal);
        var ticket = tenant.Store.Read(d => d.Find<TenantTicket>(link.Split('=')[1]))!;
        Assert.Equal(TenantTicket.EmailVerification, ticket.Kind);
        Assert.Equal(TenantFixture.BobId, ticket.UserId);
        Assert.Equal(TenantFixture.PortalClientId, ticket.ClientId);
        Assert.InRange(ticket.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(4.9), TimeSpan.FromDays(5));
    }

    [Fact]
    public async Task Verification_email_job_for_a_social_primary_needs_an_identity()
    {
        var without = await _client.PostJsonAsync("api/v2/jobs/verification-email", $$"""{"user_id":"{{TenantFixture.CarolId}}"}""");
        var with = await _client.PostJsonAsync("api/v2/jobs/verification-email",
            """{"user_id":"google-oauth2|103547991597142817347","identity":{"user_id":"103547991597142817347","provider":"google-oauth2"}}""");

        await without.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "Connection must be a database connection");
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
    }

    [Fact]
    public async Task Verification_email_job_for_a_secondary_identity_uses_its_address()
    {
        var response = await _client.PostJsonAsync("api/v2/jobs/verification-email",
            """{"user_id":"auth0|64b97a87b6c808c6f9cc0004","identity":{"user_id":"4120001","provider":"github"}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var email = Assert.Single(tenant.Store.Read(d => d.All<OutboxEmail>().Where(e => e.To == "dave@github.example").ToList()));
        var ticket = tenant.Store.Read(d => d.Find<TenantTicket>(email.Links[0].Split('=')[1]))!;
        Assert.Equal("github", ticket.Connection);
        Assert.Equal(TenantFixture.DaveId, ticket.UserId);
    }

    [Fact]
    public async Task Verification_email_job_errors()
    {
        var missingUser = await _client.PostJsonAsync("api/v2/jobs/verification-email", """{"user_id":"auth0|000000000000000000000000"}""");
        var noUserId = await _client.PostJsonAsync("api/v2/jobs/verification-email", "{}");
        var wrongIdentity = await _client.PostJsonAsync("api/v2/jobs/verification-email",
            """{"user_id":"auth0|64b97a87b6c808c6f9cc0001","identity":{"user_id":"1","provider":"github"}}""");
        var missingJob = await _client.GetAsync("api/v2/jobs/job_0000000000000000");

        await missingUser.ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user");
        await noUserId.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        await wrongIdentity.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        await missingJob.ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_job");
    }

    [Fact]
    public async Task Password_change_ticket_by_user_id_returns_the_reset_link_and_sends_nothing()
    {
        var before = tenant.Store.Read(d => d.All<OutboxEmail>().Count());
        var response = await _client.PostJsonAsync("api/v2/tickets/password-change",
            $$"""{"result_url":"https://example.com/done","user_id":"{{TenantFixture.AliceId}}","ttl_sec":3600,"mark_email_as_verified":true,"includeEmailInRedirect":true}""");
        var body = await response.ExpectObjectAsync(HttpStatusCode.Created);

        var url = body["ticket"]!.GetValue<string>();
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(tenant.BaseUrl) + "/u/reset-password\\?ticket=[A-Za-z0-9_-]{32}#$", url);
        var ticket = tenant.Store.Read(d => d.Find<TenantTicket>(url.Split('=')[1].TrimEnd('#')))!;
        Assert.Equal(TenantTicket.PasswordChange, ticket.Kind);
        Assert.Equal(TenantFixture.AliceId, ticket.UserId);
        Assert.Equal("https://example.com/done", ticket.ResultUrl);
        Assert.True(ticket.MarkEmailAsVerified);
        Assert.InRange(ticket.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60));
        Assert.Equal(before, tenant.Store.Read(d => d.All<OutboxEmail>().Count()));
    }

    [Fact]
    public async Task Password_change_ticket_by_email_and_connection_id_defaults_to_five_days()
    {
        var response = await _client.PostJsonAsync("api/v2/tickets/password-change", """{"email":"frank@example.com","connection_id":"con_LocalDatabase0001"}""");
        var url = (await response.ExpectObjectAsync(HttpStatusCode.Created))["ticket"]!.GetValue<string>();

        var ticket = tenant.Store.Read(d => d.Find<TenantTicket>(url.Split('=')[1].TrimEnd('#')))!;
        Assert.Equal(TenantFixture.FrankId, ticket.UserId);
        Assert.Equal(TenantFixture.DatabaseConnection, ticket.Connection);
        Assert.InRange(ticket.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(4.9), TimeSpan.FromDays(5));
    }

    [Theory]
    [InlineData("""{"user_id":"auth0|64b97a87b6c808c6f9cc0001","email":"alice@example.com","connection_id":"con_LocalDatabase0001"}""", HttpStatusCode.BadRequest, "invalid_body")]
    [InlineData("""{"email":"alice@example.com"}""", HttpStatusCode.BadRequest, "invalid_body")]
    [InlineData("""{"user_id":"google-oauth2|103547991597142817347"}""", HttpStatusCode.BadRequest, "invalid_body")]
    [InlineData("""{"user_id":"auth0|000000000000000000000000"}""", HttpStatusCode.NotFound, "inexistent_user")]
    [InlineData("""{"user_id":"auth0|64b97a87b6c808c6f9cc0001","ttl_sec":"soon"}""", HttpStatusCode.BadRequest, "invalid_body")]
    [InlineData("""{"user_id":"auth0|64b97a87b6c808c6f9cc0001","client_id":"nope"}""", HttpStatusCode.NotFound, "inexistent_client")]
    public async Task Password_change_ticket_errors(string body, HttpStatusCode status, string errorCode)
    {
        var response = await _client.PostJsonAsync("api/v2/tickets/password-change", body);
        await response.ExpectErrorAsync(status, errorCode);
    }

    [Fact]
    public async Task Email_verification_ticket_returns_the_verification_link()
    {
        var response = await _client.PostJsonAsync("api/v2/tickets/email-verification", $$"""{"user_id":"{{TenantFixture.BobId}}","result_url":"https://example.com/ok"}""");
        var url = (await response.ExpectObjectAsync(HttpStatusCode.Created))["ticket"]!.GetValue<string>();

        Assert.StartsWith(tenant.BaseUrl + "/u/email-verification?ticket=", url, StringComparison.Ordinal);
        Assert.EndsWith("#", url, StringComparison.Ordinal);
        var ticket = tenant.Store.Read(d => d.Find<TenantTicket>(url.Split('=')[1].TrimEnd('#')))!;
        Assert.Equal(TenantTicket.EmailVerification, ticket.Kind);
        Assert.Equal("https://example.com/ok", ticket.ResultUrl);
    }

    [Fact]
    public async Task Email_verification_ticket_for_missing_user_is_404()
    {
        var response = await _client.PostJsonAsync("api/v2/tickets/email-verification", """{"user_id":"auth0|000000000000000000000000"}""");
        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user");
    }
}
