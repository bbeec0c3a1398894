using System.Net;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary><c>GET /api/v2/users</c>: list and search (Auth0's v3 engine) over real HTTP against the default seed.</summary>
public sealed class UserListTests(TenantFixture tenant) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task Lists_every_user_as_an_array_in_a_stable_order()
    {
        using var api = tenant.CreateManagementClient("read:users");
        var users = await (await api.GetAsync("api/v2/users")).ExpectArrayAsync(HttpStatusCode.OK);

        Assert.Equal([TenantFixture.AliceId, TenantFixture.BobId, TenantFixture.DaveId, TenantFixture.ErinId, TenantFixture.FrankId, TenantFixture.GraceId,
            TenantFixture.CarolId], Ids(users));
    }

    [Fact]
    public async Task Pages_with_totals_in_auth0s_shape()
    {
        using var api = tenant.CreateManagementClient("read:users");
        var body = await (await api.GetAsync("api/v2/users?page=1&per_page=4&include_totals=true")).ExpectObjectAsync(HttpStatusCode.OK);

        Assert.Equal(["users", "start", "limit", "length", "total"], body.Select(p => p.Key));
        Assert.Equal(4, body["start"]!.GetValue<long>());
        Assert.Equal(4, body["limit"]!.GetValue<int>());
        Assert.Equal(3, body["length"]!.GetValue<int>());
        Assert.Equal(7, body["total"]!.GetValue<int>());
        Assert.Equal([TenantFixture.FrankId, TenantFixture.GraceId, TenantFixture.CarolId], Ids(body["users"]!.AsArray()));
    }

    [Theory]
    [InlineData("email:\"frank@example.com\"", new[] { TenantFixture.FrankId })]
    [InlineData("email:FRANK@example.com", new[] { TenantFixture.FrankId })]
    [InlineData("email_verified:false", new[] { TenantFixture.BobId })]
    [InlineData("name:\"Dave Linked\"", new[] { TenantFixture.DaveId })]
    [InlineData("identities.connection:github", new[] { TenantFixture.DaveId })]
    [InlineData("identities.connection:\"google-oauth2\"", new[] { TenantFixture.CarolId })]
    [InlineData("user_id:\"auth0|64b97a87b6c808c6f9cc0002\"", new[] { TenantFixture.BobId })]
    [InlineData("app_metadata.plan:premium", new[] { TenantFixture.FrankId })]
    [InlineData("app_metadata.roles:billing", new[] { TenantFixture.FrankId })]
    [InlineData("user_metadata.preferred_language:en", new[] { TenantFixture.AliceId })]
    [InlineData("user_metadata.favourite.number:7", new[] { TenantFixture.FrankId })]
    [InlineData("email:a* OR email:b*", new[] { TenantFixture.AliceId, TenantFixture.BobId })]
    [InlineData("email:*example.com", null)]
    [InlineData("(email:a* OR email:b*) AND NOT email_verified:false", new[] { TenantFixture.AliceId })]
    [InlineData("user_metadata.time_zone:\"Europe/Paris\" email_verified:true", new[] { TenantFixture.FrankId })]
    public async Task Searches_with_q(string q, string[]? expected)
    {
        using var api = tenant.CreateManagementClient("read:users");
        using var response = await api.GetAsync("api/v2/users?search_engine=v3&q=" + Uri.EscapeDataString(q));

        if (expected is null)
        {
            await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_query_string",
                "Invalid query: wildcards are supported only at the end of a term (position 6).");
            return;
        }

        Assert.Equal(expected, Ids(await response.ExpectArrayAsync(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task Date_ranges_find_users_by_creation_time()
    {
        using var api = tenant.CreateManagementClient("read:users");
        var created = tenant.Store.Read(d => d.FindUser(TenantFixture.AliceId)!.CreatedAt);
        var day = created.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var sameDay = await (await api.GetAsync($"api/v2/users?q={Uri.EscapeDataString($"created_at:[{day} TO {day}]")}&per_page=1&include_totals=true"))
            .ExpectObjectAsync(HttpStatusCode.OK);
        var before = await (await api.GetAsync($"api/v2/users?q={Uri.EscapeDataString($"created_at:[* TO {day}}}")}")).ExpectArrayAsync(HttpStatusCode.OK);

        Assert.True(sameDay["total"]!.GetValue<int>() >= 7);
        Assert.Empty(before);
    }

    [Fact]
    public async Task Sorts_by_a_field_either_way()
    {
        using var api = tenant.CreateManagementClient("read:users");

        var ascending = await (await api.GetAsync("api/v2/users?sort=email:1&fields=email")).ExpectArrayAsync(HttpStatusCode.OK);
        var descending = await (await api.GetAsync("api/v2/users?sort=email:-1&fields=email")).ExpectArrayAsync(HttpStatusCode.OK);

        var emails = ascending.Select(u => u!["email"]!.GetValue<string>()).ToList();
        Assert.Equal(emails.Order(StringComparer.OrdinalIgnoreCase), emails);
        Assert.Equal(Enumerable.Reverse(emails), descending.Select(u => u!["email"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Selects_fields_to_include_or_exclude()
    {
        using var api = tenant.CreateManagementClient("read:users");

        var included = await (await api.GetAsync("api/v2/users?q=email:alice*&fields=user_id,email")).ExpectArrayAsync(HttpStatusCode.OK);
        var excluded = await (await api.GetAsync("api/v2/users?q=email:alice*&fields=identities,user_metadata&include_fields=false")).ExpectArrayAsync(HttpStatusCode.OK);

        Assert.Equal(["email", "user_id"], included.Single()!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("identities", excluded.Single()!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("user_metadata", excluded.Single()!.AsObject().Select(p => p.Key));
        Assert.Contains("email", excluded.Single()!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("search_engine=v1", "You are not allowed to use search_engine=v1.")]
    [InlineData("search_engine=v2", "You are not allowed to use search_engine=v2. Use search_engine=v3 instead.")]
    [InlineData("per_page=101", "Query validation error: 'Value must be between 0 and 100' on property per_page.")]
    [InlineData("page=-1", "Query validation error: 'Value must be between 0 and 2147483647' on property page.")]
    [InlineData("page=10&per_page=100", "You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation.")]
    [InlineData("q=email%3A", "Invalid query: expected a value for email but the query ended.")]
    [InlineData("q=email%3Aa%20OR", "Invalid query: expected a term, a quoted phrase, NOT or '(' but the query ended.")]
    public async Task Refuses_bad_requests_with_auth0s_error_body(string query, string message)
    {
        using var api = tenant.CreateManagementClient("read:users");
        using var response = await api.GetAsync("api/v2/users?" + query);

        var code = query.StartsWith("page=10", StringComparison.Ordinal) ? "invalid_paging" : "invalid_query_string";
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, code, message);
    }

    [Fact]
    public async Task Refuses_a_sort_that_is_not_field_and_order()
    {
        using var api = tenant.CreateManagementClient("read:users");
        var message = await (await api.GetAsync("api/v2/users?sort=email")).ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_query_string");

        Assert.StartsWith("Query validation error: 'String does not match pattern", message, StringComparison.Ordinal);
        Assert.Contains("on property sort", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Needs_read_users()
    {
        using var api = tenant.CreateManagementClient("update:users");
        await (await api.GetAsync("api/v2/users")).ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_scope",
            "Insufficient scope, expected any of: read:users,read:user_idp_tokens");
    }

    private static string[] Ids(JsonArray users) => users.Select(u => u!["user_id"]!.GetValue<string>()).ToArray();
}
