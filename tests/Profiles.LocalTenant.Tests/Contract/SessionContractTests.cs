using System.Net;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Infrastructure;
using Profiles.LocalTenant.Tests.Management;

namespace Profiles.LocalTenant.Tests.Contract;

/// <summary><c>/sessions/{id}</c> and the revoke endpoints against Auth0's OpenAPI document. The document beside the tests
/// predates <c>POST /sessions/{id}/revoke</c> and <c>POST /users/{id}/revoke-access</c>: their 202 <c>{}</c> answer is
/// checked against Auth0's recorded answer (go-auth0 TestSessionManager_Revoke) instead.</summary>
public sealed class SessionContractTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Doc = OpenApiDocument.Management;
    private TenantFixture _tenant = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantFixture.StartAsync();
        _api = _tenant.CreateManagementClient();
        var now = DateTimeOffset.UtcNow;
        _tenant.Store.Write(w =>
        {
            foreach (var id in new[] { "sess-contract-1", "sess-contract-2", "sess-contract-3" })
            {
                w.Save(new TenantSession
                {
                    Id = id, UserId = TenantFixture.AliceId, CreatedAt = now, UpdatedAt = now, AuthenticatedAt = now, LastInteractedAt = now,
                    ExpiresAt = now.AddDays(7), IdleExpiresAt = now.AddDays(3), UserAgent = "Mozilla/5.0", Ip = "203.0.113.7",
                    LastUserAgent = "Mozilla/5.0 (X11)", LastIp = "203.0.113.8", ClientIds = [TenantFixture.PortalClientId],
                    Methods = [new TenantSessionMethod { Name = "pwd", Timestamp = now }],
                });
            }
        });
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task Get_and_delete_a_session_match_the_document()
    {
        using var get = await _api.GetAsync("api/v2/sessions/sess-contract-1");
        var session = await ContractAssert.MatchesAsync(Doc, get, "/sessions/{id}", HttpStatusCode.OK);
        Assert.Equal("203.0.113.8", session!["device"]!["last_ip"]!.GetValue<string>());

        using var missing = await _api.GetAsync("api/v2/sessions/sess-none");
        await ContractAssert.ManagementErrorAsync(missing, HttpStatusCode.NotFound);

        using var delete = await _api.DeleteAsync("api/v2/sessions/sess-contract-1");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        Assert.True(Doc.Documents("/sessions/{id}", "delete", 202));
        Assert.True(Doc.Documents("/sessions/{id}", "get", 200));

        using var narrow = _tenant.CreateManagementClient("read:users");
        using var forbidden = await narrow.GetAsync("api/v2/sessions/sess-contract-2");
        await ContractAssert.ManagementErrorAsync(forbidden, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Revoke_and_revoke_access_answer_202_with_an_empty_object_as_recorded()
    {
        using var revoke = await _api.PostAsync("api/v2/sessions/sess-contract-2/revoke", null);
        using var access = await _api.PostJsonAsync(ManagementHttp.UserPath(TenantFixture.AliceId) + "/revoke-access", """{"session_id":"sess-contract-3"}""");
        using var missing = await _api.PostAsync("api/v2/sessions/sess-none/revoke", null);

        foreach (var answer in new[] { revoke, access })
        {
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            Assert.Equal("{}", await answer.Content.ReadAsStringAsync());
        }

        await ContractAssert.ManagementErrorAsync(missing, HttpStatusCode.NotFound);
    }
}
