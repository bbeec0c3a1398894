using System.Net;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary>Management API writes reach the SQLite file, so a restarted tenant keeps them.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lt-mgmt-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Patch_link_and_delete_survive_a_restart()
    {
        var database = Path.Combine(_directory, "tenant.db");
        var first = await TenantFixture.StartAsync(o => o.DatabasePath = database);
        string secondary;
        try
        {
            using var client = first.CreateManagementClient();
            await (await client.PatchAsync(TenantFixture.AliceId, """{"user_metadata":{"persisted":true}}""")).ExpectObjectAsync(HttpStatusCode.OK);
            secondary = await client.CreateUserAsync("persisted.secondary@example.com");
            await (await client.PostJsonAsync(ManagementHttp.UserPath(TenantFixture.BobId) + "/identities", $$"""{"provider":"auth0","user_id":"{{secondary}}"}"""))
                .ExpectArrayAsync(HttpStatusCode.Created);
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(ManagementHttp.UserPath(TenantFixture.FrankId))).StatusCode);
        }
        finally
        {
            await first.DisposeAsync();
        }

        var second = await TenantFixture.StartAsync(o => o.DatabasePath = database);
        try
        {
            using var client = second.CreateManagementClient();
            Assert.True((await client.GetUserAsync(TenantFixture.AliceId))["user_metadata"]!["persisted"]!.GetValue<bool>());
            Assert.Equal(2, (await client.GetUserAsync(TenantFixture.BobId))["identities"]!.AsArray().Count);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ManagementHttp.UserPath(secondary))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ManagementHttp.UserPath(TenantFixture.FrankId))).StatusCode);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
