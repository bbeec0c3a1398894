using System.Net;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Seed;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

public sealed class UserCreateDeleteTests(TenantFixture tenant) : IClassFixture<TenantFixture>
{
    private readonly HttpClient _client = tenant.CreateManagementClient();

    [Fact]
    public async Task Create_applies_auth0_defaults_and_returns_201()
    {
        var response = await _client.PostJsonAsync("api/v2/users",
            $$"""{"connection":"Username-Password-Authentication","email":"New.Comer@Example.com","password":"{{ManagementHttp.StrongPassword}}","verify_email":false}""");
        var user = await response.ExpectObjectAsync(HttpStatusCode.Created);

        Assert.Equal("new.comer@example.com", user["email"]!.GetValue<string>());
        Assert.False(user["email_verified"]!.GetValue<bool>());
        Assert.Equal("new.comer@example.com", user["name"]!.GetValue<string>());
        Assert.Equal("new.comer", user["nickname"]!.GetValue<string>());
        Assert.Equal(SeedLoader.DefaultPicture("new.comer@example.com"), user["picture"]!.GetValue<string>());
        Assert.Matches("^auth0\\|[0-9a-f]{24}$", user["user_id"]!.GetValue<string>());
        foreach (var absent in new[] { "user_metadata", "app_metadata", "last_login", "logins_count", "blocked" })
        {
            Assert.False(user.ContainsKey(absent), absent);
        }

        Assert.Empty(tenant.Store.Read(d => d.All<OutboxEmail>().Where(e => e.To == "new.comer@example.com").ToList()));
    }

    [Fact]
    public async Task Create_of_an_unverified_user_sends_a_verification_email_by_default()
    {
        await _client.PostJsonAsync("api/v2/users",
            $$"""{"connection":"Username-Password-Authentication","email":"to.verify@example.com","password":"{{ManagementHttp.StrongPassword}}"}""");
        var email = Assert.Single(tenant.Store.Read(d => d.All<OutboxEmail>().Where(e => e.To == "to.verify@example.com").ToList()));
        Assert.Contains("/u/email-verification?ticket=", email.Links[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_duplicate_is_409_user_already_exists()
    {
        var response = await _client.PostJsonAsync("api/v2/users",
            $$"""{"connection":"Username-Password-Authentication","email":"ALICE@example.com","password":"{{ManagementHttp.StrongPassword}}"}""");
        await response.ExpectErrorAsync(HttpStatusCode.Conflict, "auth0_idp_error", "The user already exists.");
    }

    [Theory]
    [InlineData("""{"email":"a@example.com","password":"Str0ng-Local-Pass!"}""", "invalid_body")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"weak@example.com","password":"abc"}""", "invalid_body")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"nopass@example.com"}""", "invalid_body")]
    [InlineData("""{"connection":"google-oauth2","email":"g@example.com","password":"Str0ng-Local-Pass!"}""", "invalid_body")]
    [InlineData("""{"connection":"Username-Password-Authentication","email":"x@example.com","password":"Str0ng-Local-Pass!","role":"admin"}""", "invalid_body")]
    public async Task Create_refuses_invalid_bodies(string body, string errorCode)
    {
        var response = await _client.PostJsonAsync("api/v2/users", body);
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, errorCode);
    }

    [Fact]
    public async Task Delete_is_204_and_idempotent()
    {
        var id = await _client.CreateUserAsync("deleted.soon@example.com");

        var first = await _client.DeleteAsync(ManagementHttp.UserPath(id));
        var read = await _client.GetAsync(ManagementHttp.UserPath(id));
        var second = await _client.DeleteAsync(ManagementHttp.UserPath(id));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.Empty(await first.Content.ReadAsStringAsync());
        await read.ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user", "The user does not exist.");
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
    }

    [Fact]
    public async Task Delete_cascades_to_linked_identities_sessions_grants_and_refresh_tokens()
    {
        var now = DateTimeOffset.UtcNow;
        tenant.Store.Write(w =>
        {
            w.Save(new TenantSession { Id = "sess-dave", UserId = TenantFixture.DaveId, CreatedAt = now });
            w.Save(new TenantGrant { Id = "grant-dave", UserId = TenantFixture.DaveId, ClientId = TenantFixture.PortalClientId, Audience = "a" });
            w.Save(new TenantRefreshToken { TokenHash = "rt-dave", UserId = TenantFixture.DaveId, ClientId = TenantFixture.PortalClientId, Scope = "openid" });
            w.Save(new TenantSession { Id = "sess-alice", UserId = TenantFixture.AliceId, CreatedAt = now });
        });

        var response = await _client.DeleteAsync(ManagementHttp.UserPath(TenantFixture.DaveId));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        tenant.Store.Read(d =>
        {
            Assert.Null(d.FindUser(TenantFixture.DaveId));
            Assert.Null(d.FindUserByIdentity("github", "4120001"));
            Assert.Null(d.Find<TenantSession>("sess-dave"));
            Assert.Null(d.Find<TenantGrant>("grant-dave"));
            Assert.Null(d.Find<TenantRefreshToken>("rt-dave"));
            Assert.NotNull(d.Find<TenantSession>("sess-alice"));
            return 0;
        });
    }
}
