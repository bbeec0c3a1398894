using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

public sealed partial class UserReadTests(TenantFixture tenant) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task Get_user_by_url_encoded_id_returns_auth0_shape()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var response = await client.GetAsync("api/v2/users/auth0%7C64b97a87b6c808c6f9cc0001");
        var user = await response.ExpectObjectAsync(HttpStatusCode.OK);

        Assert.Equal(TenantFixture.AliceId, user["user_id"]!.GetValue<string>());
        Assert.Equal("alice@example.com", user["email"]!.GetValue<string>());
        Assert.True(user["email_verified"]!.GetValue<bool>());
        Assert.Matches(TimestampPattern(), user["created_at"]!.GetValue<string>());
        Assert.Matches(TimestampPattern(), user["updated_at"]!.GetValue<string>());
        var identity = Assert.Single(user["identities"]!.AsArray())!.AsObject();
        Assert.Equal(["connection", "user_id", "provider", "isSocial"], identity.Select(p => p.Key));
        Assert.Equal("64b97a87b6c808c6f9cc0001", identity["user_id"]!.GetValue<string>());
        Assert.Equal("auth0", identity["provider"]!.GetValue<string>());
        Assert.False(identity["isSocial"]!.GetValue<bool>());
        Assert.Equal("en", user["user_metadata"]!["preferred_language"]!.GetValue<string>());
    }

    [Fact]
    public async Task Absent_values_are_omitted_and_no_password_material_leaks()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var response = await client.GetAsync(ManagementHttp.UserPath(TenantFixture.BobId));
        var text = await response.Content.ReadAsStringAsync();
        var user = JsonNode.Parse(text)!.AsObject();

        foreach (var absent in new[] { "user_metadata", "app_metadata", "last_login", "logins_count", "last_ip", "blocked", "phone_number", "last_password_reset" })
        {
            Assert.False(user.ContainsKey(absent), absent);
        }

        Assert.DoesNotContain("pbkdf2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordhash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("password_hash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"password\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linked_identity_carries_profile_data()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var user = await client.GetUserAsync(TenantFixture.DaveId);

        var linked = user["identities"]!.AsArray()[1]!.AsObject();
        Assert.Equal("github", linked["provider"]!.GetValue<string>());
        Assert.Equal("4120001", linked["user_id"]!.GetValue<string>());
        Assert.True(linked["isSocial"]!.GetValue<bool>());
        Assert.Equal("dave@github.example", linked["profileData"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Blocked_user_shows_blocked()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var user = await client.GetUserAsync(TenantFixture.ErinId);
        Assert.True(user["blocked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Missing_user_is_404_inexistent_user()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var response = await client.GetAsync(ManagementHttp.UserPath("auth0|000000000000000000000000"));
        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user", "The user does not exist.");
    }

    [Fact]
    public async Task Fields_include_only_the_named_fields()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var response = await client.GetAsync(ManagementHttp.UserPath(TenantFixture.FrankId) + "?fields=email,user_id,app_metadata");
        var user = await response.ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Equal(["app_metadata", "email", "user_id"], user.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Fields_with_include_fields_false_exclude_them()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var response = await client.GetAsync(ManagementHttp.UserPath(TenantFixture.FrankId) + "?fields=identities,user_metadata&include_fields=false");
        var user = await response.ExpectObjectAsync(HttpStatusCode.OK);
        Assert.False(user.ContainsKey("identities"));
        Assert.False(user.ContainsKey("user_metadata"));
        Assert.True(user.ContainsKey("app_metadata"));
        Assert.True(user.ContainsKey("email"));
    }

    [Fact]
    public async Task Unknown_field_is_400()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var response = await client.GetAsync(ManagementHttp.UserPath(TenantFixture.FrankId) + "?fields=password");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_query_string");
    }

    [Fact]
    public async Task Users_by_email_returns_an_array_and_is_case_sensitive()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var exact = (await client.GetAsync("api/v2/users-by-email?email=alice%40example.com&fields=user_id,email")).ReadNodeAsync();
        var upper = (await client.GetAsync("api/v2/users-by-email?email=ALICE%40EXAMPLE.COM")).ReadNodeAsync();
        var none = (await client.GetAsync("api/v2/users-by-email?email=nobody%40example.com")).ReadNodeAsync();

        var found = Assert.Single((await exact).AsArray())!.AsObject();
        Assert.Equal(["email", "user_id"], found.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(TenantFixture.AliceId, found["user_id"]!.GetValue<string>());
        Assert.Empty((await upper).AsArray());
        Assert.Empty((await none).AsArray());
    }

    [Fact]
    public async Task Users_by_email_without_email_is_400()
    {
        using var client = tenant.CreateManagementClient("read:users");
        var response = await client.GetAsync("api/v2/users-by-email");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_query_string");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex TimestampPattern();
}
