using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

public sealed class AccountLinkingTests(TenantFixture tenant) : IClassFixture<TenantFixture>
{
    private readonly HttpClient _client = tenant.CreateManagementClient();

    [Fact]
    public async Task Link_with_full_user_id_moves_the_identity_and_discards_secondary_metadata()
    {
        var primary = await NewUserAsync("primary", ""","user_metadata":{"mine":1}""");
        var secondary = await NewUserAsync("secondary", ""","user_metadata":{"theirs":2},"app_metadata":{"plan":"x"}""");

        var response = await _client.PostJsonAsync(IdentitiesPath(primary), $$"""{"provider":"auth0","user_id":"{{secondary}}"}""");
        var identities = (await response.ReadNodeAsync()).AsArray();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, identities.Count);
        var linked = identities[1]!.AsObject();
        Assert.Equal(secondary["auth0|".Length..], linked["user_id"]!.GetValue<string>());
        Assert.StartsWith("secondary.", linked["profileData"]!["email"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(ManagementHttp.UserPath(secondary))).StatusCode);
        var user = await _client.GetUserAsync(primary);
        Assert.Equal("""{"mine":1}""", user["user_metadata"]!.ToJsonString());
        Assert.False(user.ContainsKey("app_metadata"));
        var hash = tenant.Store.Read(d => d.FindUser(primary)!.Identities[1].PasswordHash);
        Assert.True(PasswordHasher.Verify(ManagementHttp.StrongPassword, hash));
    }

    [Fact]
    public async Task Link_accepts_bare_and_numeric_ids_with_connection_id()
    {
        var primary = await NewUserAsync("p-numeric");
        var bare = await NewUserAsync("bare");
        var numeric = await NewUserAsync("numeric", ""","user_id":"98765" """);
        Assert.Equal("auth0|98765", numeric);

        var first = await _client.PostJsonAsync(IdentitiesPath(primary), $$"""{"provider":"auth0","user_id":"{{bare["auth0|".Length..]}}","connection_id":"con_LocalDatabase0001"}""");
        var second = await _client.PostJsonAsync(IdentitiesPath(primary), """{"provider":"auth0","user_id":98765}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(3, (await second.ExpectArrayAsync(HttpStatusCode.Created)).Count);
    }

    [Fact]
    public async Task Link_errors_follow_auth0()
    {
        var primary = await NewUserAsync("p-errors");
        var secondary = await NewUserAsync("s-errors");

        var same = await _client.PostJsonAsync(IdentitiesPath(primary), $$"""{"provider":"auth0","user_id":"{{primary}}"}""");
        await same.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "Main identity and the new one are the same.");
        await (await _client.PostJsonAsync(IdentitiesPath(primary), $$"""{"provider":"auth0","user_id":"{{secondary}}"}""")).ExpectArrayAsync(HttpStatusCode.Created);
        var again = await _client.PostJsonAsync(IdentitiesPath(primary), $$"""{"provider":"auth0","user_id":"{{secondary}}"}""");
        await again.ExpectErrorAsync(HttpStatusCode.Conflict, "identity_conflict", "Specified identity already exists.");
        var missing = await _client.PostJsonAsync(IdentitiesPath(primary), """{"provider":"auth0","user_id":"000000000000000000000000"}""");
        await missing.ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user");
        var noPrimary = await _client.PostJsonAsync(IdentitiesPath("auth0|000000000000000000000000"), $$"""{"provider":"auth0","user_id":"{{secondary}}"}""");
        await noPrimary.ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user");
    }

    [Fact]
    public async Task Link_with_an_id_token_whose_aud_is_the_callers_azp()
    {
        var primary = await NewUserAsync("p-token");
        var secondary = await NewUserAsync("s-token");

        var response = await _client.PostJsonAsync(IdentitiesPath(primary), $$"""{"link_with":"{{IdToken(TenantFixture.PortalClientId, secondary)}}"}""");

        var identities = await response.ExpectArrayAsync(HttpStatusCode.Created);
        Assert.Equal(secondary["auth0|".Length..], identities[1]!["user_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Link_with_refuses_wrong_audience_garbage_and_mixed_forms()
    {
        var primary = await NewUserAsync("p-refuse");
        var secondary = await NewUserAsync("s-refuse");

        var wrongAud = await _client.PostJsonAsync(IdentitiesPath(primary), $$"""{"link_with":"{{IdToken("another-client", secondary)}}"}""");
        var garbage = await _client.PostJsonAsync(IdentitiesPath(primary), """{"link_with":"not.a.token"}""");
        var mixed = await _client.PostJsonAsync(IdentitiesPath(primary), $$"""{"link_with":"{{IdToken(TenantFixture.PortalClientId, secondary)}}","provider":"auth0"}""");

        Assert.StartsWith("Invalid token (link_with)", await wrongAud.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body"), StringComparison.Ordinal);
        await garbage.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "Invalid token (link_with).");
        await mixed.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(ManagementHttp.UserPath(secondary))).StatusCode);
    }

    [Fact]
    public async Task Unlink_returns_remaining_identities_and_a_standalone_user_without_metadata()
    {
        var primary = await NewUserAsync("p-unlink");
        var secondary = await NewUserAsync("s-unlink", ""","given_name":"Second","user_metadata":{"lost":true}""");
        await (await _client.PostJsonAsync(IdentitiesPath(primary), $$"""{"provider":"auth0","user_id":"{{secondary}}"}""")).ExpectArrayAsync(HttpStatusCode.Created);

        var response = await _client.DeleteAsync(IdentitiesPath(primary) + "/auth0/" + secondary["auth0|".Length..]);

        var remaining = await response.ExpectArrayAsync(HttpStatusCode.OK);
        Assert.Equal(primary["auth0|".Length..], Assert.Single(remaining)!["user_id"]!.GetValue<string>());
        var standalone = await _client.GetUserAsync(secondary);
        Assert.Equal("Second", standalone["given_name"]!.GetValue<string>());
        Assert.StartsWith("s-unlink.", standalone["email"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(standalone.ContainsKey("user_metadata"));
        Assert.False(standalone.ContainsKey("app_metadata"));
        Assert.False(standalone["identities"]![0]!.AsObject().ContainsKey("profileData"));
        var hash = tenant.Store.Read(d => d.FindUser(secondary)!.Primary.PasswordHash);
        Assert.True(PasswordHasher.Verify(ManagementHttp.StrongPassword, hash));
    }

    [Fact]
    public async Task Unlinked_github_identity_is_editable_because_its_connection_syncs_on_first_login_only()
    {
        await (await _client.DeleteAsync(IdentitiesPath(TenantFixture.DaveId) + "/github/4120001")).ExpectArrayAsync(HttpStatusCode.OK);

        var github = await _client.GetUserAsync("github|4120001");
        var renamed = await _client.PatchAsync("github|4120001", """{"name":"Dave Renamed"}""");

        Assert.Equal("Dave on GitHub", github["name"]!.GetValue<string>());
        Assert.Equal("Dave Renamed", (await renamed.ExpectObjectAsync(HttpStatusCode.OK))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Main_identity_cannot_be_removed()
    {
        var response = await _client.DeleteAsync(IdentitiesPath(TenantFixture.AliceId) + "/auth0/64b97a87b6c808c6f9cc0001");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "Main identity cannot be removed.");
    }

    private static string IdentitiesPath(string userId) => ManagementHttp.UserPath(userId) + "/identities";

    private Task<string> NewUserAsync(string prefix, string extraJson = "")
        => _client.CreateUserAsync($"{prefix}.{Guid.NewGuid():N}@example.com", extraJson);

    private string IdToken(string audience, string subject)
        => tenant.Tenant.Services.GetRequiredService<TokenService>()
            .CreateIdToken(audience, subject, new Dictionary<string, object>(), null, "sid-link", DateTimeOffset.UtcNow, null);
}
