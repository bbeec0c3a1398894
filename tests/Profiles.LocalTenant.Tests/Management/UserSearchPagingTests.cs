using System.Globalization;
using System.Net;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary>Auth0 serves the first 1000 results of a search through paging, and no more.</summary>
public sealed class UserSearchPagingTests : IAsyncLifetime
{
    private const int Extra = 1100;
    private TenantFixture _tenant = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantFixture.StartAsync();
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _tenant.Store.Write(w =>
        {
            for (var i = 0; i < Extra; i++)
            {
                var id = i.ToString("x24", CultureInfo.InvariantCulture);
                w.Save(new TenantUser
                {
                    UserId = "auth0|" + id,
                    Email = $"bulk{i:D4}@example.com",
                    CreatedAt = created.AddMinutes(i),
                    UpdatedAt = created,
                    Identities = [new TenantIdentity { Connection = TenantFixture.DatabaseConnection, Provider = "auth0", UserId = id }],
                });
            }
        });
    }

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task The_first_1000_results_are_reachable_and_no_more()
    {
        using var api = _tenant.CreateManagementClient("read:users");
        const string Bulk = "q=email%3Abulk*&sort=email%3A1&include_totals=true";

        var last = await (await api.GetAsync($"api/v2/users?{Bulk}&page=9&per_page=100")).ExpectObjectAsync(HttpStatusCode.OK);
        var uneven = await (await api.GetAsync($"api/v2/users?{Bulk}&page=33&per_page=30")).ExpectObjectAsync(HttpStatusCode.OK);
        using var beyond = await api.GetAsync($"api/v2/users?{Bulk}&page=10&per_page=100");

        Assert.Equal(100, last["length"]!.GetValue<int>());
        Assert.Equal(Extra, last["total"]!.GetValue<int>());
        Assert.Equal("bulk0999@example.com", last["users"]!.AsArray()[^1]!["email"]!.GetValue<string>());
        Assert.Equal(990, uneven["start"]!.GetValue<long>());
        Assert.Equal(10, uneven["length"]!.GetValue<int>());
        await beyond.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_paging",
            "You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation.");
    }
}
