using System.Net;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

public sealed class SessionsAndGrantsTests : IClassFixture<TenantFixture>
{
    private readonly TenantFixture _tenant;
    private readonly HttpClient _client;

    public SessionsAndGrantsTests(TenantFixture tenant)
    {
        _tenant = tenant;
        _client = tenant.CreateManagementClient();
        var start = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        tenant.Store.Write(w =>
        {
            for (var i = 0; i < 3; i++)
            {
                w.Save(new TenantSession
                {
                    Id = $"sess-frank-{i}",
                    UserId = TenantFixture.FrankId,
                    CreatedAt = start.AddMinutes(i),
                    UpdatedAt = start.AddMinutes(i),
                    AuthenticatedAt = start.AddMinutes(i),
                    LastInteractedAt = start.AddMinutes(i),
                    ExpiresAt = start.AddDays(3),
                    IdleExpiresAt = start.AddDays(1),
                    UserAgent = "Mozilla/5.0",
                    Ip = "127.0.0.1",
                    Connection = TenantFixture.DatabaseConnection,
                    ClientIds = [TenantFixture.PortalClientId],
                });
            }

            w.Save(new TenantSession { Id = "sess-bob", UserId = TenantFixture.BobId, CreatedAt = start });
            w.Save(new TenantGrant { Id = "g-alice-1", UserId = TenantFixture.AliceId, ClientId = TenantFixture.PortalClientId, Audience = "https://api.example/", Scope = ["openid", "profile"] });
            w.Save(new TenantGrant { Id = "g-alice-2", UserId = TenantFixture.AliceId, ClientId = "curl-walkthrough", Audience = "https://api.example/", Scope = ["openid"] });
            w.Save(new TenantGrant { Id = "g-erin-1", UserId = TenantFixture.ErinId, ClientId = TenantFixture.PortalClientId, Audience = "https://api.example/", Scope = ["openid"] });
        });
    }

    [Fact]
    public async Task Sessions_list_has_auth0_shape_and_pages_with_take_and_from()
    {
        var first = await (await _client.GetAsync(SessionsPath(TenantFixture.FrankId) + "?take=2")).ExpectObjectAsync(HttpStatusCode.OK);
        var sessions = first["sessions"]!.AsArray();
        Assert.Equal(2, sessions.Count);
        var session = sessions[0]!.AsObject();
        Assert.Equal(
            ["authenticated_at", "authentication", "clients", "created_at", "device", "expires_at", "id", "idle_expires_at", "last_interacted_at", "updated_at", "user_id"],
            session.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("sess-frank-0", session["id"]!.GetValue<string>());
        Assert.Equal("2026-01-01T12:00:00.000Z", session["created_at"]!.GetValue<string>());
        Assert.Equal("Mozilla/5.0", session["device"]!["initial_user_agent"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", session["device"]!["last_ip"]!.GetValue<string>());
        Assert.Equal(TenantFixture.PortalClientId, session["clients"]![0]!["client_id"]!.GetValue<string>());
        Assert.Equal("pwd", session["authentication"]!["methods"]![0]!["name"]!.GetValue<string>());

        var next = first["next"]!.GetValue<string>();
        var second = await (await _client.GetAsync(SessionsPath(TenantFixture.FrankId) + "?take=2&from=" + next)).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Equal("sess-frank-2", Assert.Single(second["sessions"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.False(second.ContainsKey("next"));
    }

    [Fact]
    public async Task Sessions_errors()
    {
        await (await _client.GetAsync(SessionsPath("auth0|000000000000000000000000"))).ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user");
        await (await _client.DeleteAsync(SessionsPath("auth0|000000000000000000000000"))).ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user");
        await (await _client.GetAsync(SessionsPath(TenantFixture.FrankId) + "?take=0")).ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_query_string");
    }

    [Fact]
    public async Task Deleting_sessions_is_202_with_an_empty_object_and_touches_only_that_user()
    {
        var response = await _client.DeleteAsync(SessionsPath(TenantFixture.BobId));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("{}", (await response.ReadNodeAsync()).ToJsonString());
        var after = await (await _client.GetAsync(SessionsPath(TenantFixture.BobId))).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"sessions":[]}""", after.ToJsonString());
        Assert.NotNull(_tenant.Store.Read(d => d.Find<TenantSession>("sess-frank-0")));
    }

    [Fact]
    public async Task Grants_list_as_array_and_with_totals()
    {
        var user = Uri.EscapeDataString(TenantFixture.AliceId);
        var array = await (await _client.GetAsync("api/v2/grants?user_id=" + user)).ExpectArrayAsync(HttpStatusCode.OK);
        var byClient = await (await _client.GetAsync($"api/v2/grants?user_id={user}&client_id=curl-walkthrough")).ExpectArrayAsync(HttpStatusCode.OK);
        var totals = await (await _client.GetAsync($"api/v2/grants?user_id={user}&include_totals=true&per_page=1&page=1")).ExpectObjectAsync(HttpStatusCode.OK);

        Assert.Equal(2, array.Count);
        var grant = array[0]!.AsObject();
        Assert.Equal(["audience", "clientID", "id", "scope", "user_id"], grant.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("""["openid","profile"]""", grant["scope"]!.ToJsonString());
        Assert.Equal("g-alice-2", Assert.Single(byClient)!["id"]!.GetValue<string>());
        Assert.Equal(2, totals["total"]!.GetValue<int>());
        Assert.Equal(1, totals["start"]!.GetValue<int>());
        Assert.Equal(1, totals["limit"]!.GetValue<int>());
        Assert.Equal("g-alice-2", Assert.Single(totals["grants"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Grants_delete_by_id_and_by_user()
    {
        _tenant.Store.Write(w =>
        {
            w.Save(new TenantGrant { Id = "g-carol-1", UserId = TenantFixture.CarolId, ClientId = TenantFixture.PortalClientId, Audience = "a" });
            w.Save(new TenantGrant { Id = "g-carol-2", UserId = TenantFixture.CarolId, ClientId = "curl-walkthrough", Audience = "a" });
            w.Save(new TenantGrant { Id = "g-carol-3", UserId = TenantFixture.CarolId, ClientId = "curl-walkthrough", Audience = "b" });
        });

        var one = await _client.DeleteAsync("api/v2/grants/g-carol-1");
        var remaining = await (await _client.GetAsync("api/v2/grants?user_id=" + Uri.EscapeDataString(TenantFixture.CarolId))).ExpectArrayAsync(HttpStatusCode.OK);
        var all = await _client.DeleteAsync("api/v2/grants?user_id=" + Uri.EscapeDataString(TenantFixture.CarolId));
        var noUser = await _client.DeleteAsync("api/v2/grants");

        Assert.Equal(HttpStatusCode.NoContent, one.StatusCode);
        Assert.Equal(2, remaining.Count);
        Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        Assert.Empty(_tenant.Store.Read(d => d.All<TenantGrant>().Where(g => g.UserId == TenantFixture.CarolId).ToList()));
        Assert.NotNull(_tenant.Store.Read(d => d.Find<TenantGrant>("g-erin-1")));
        await noUser.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_query_string");
    }

    private static string SessionsPath(string userId) => ManagementHttp.UserPath(userId) + "/sessions";
}
