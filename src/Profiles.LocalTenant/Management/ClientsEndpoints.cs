using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary><c>GET /clients/{id}</c>: an application's public facts (id and name), which is all the portal asks for to name an
/// application; secrets are never returned.</summary>
internal static class ClientsEndpoints
{
    public static void Map(RouteGroupBuilder api)
        => api.MapGet("/clients/{id}", Get).RequireScopes("read:clients");

    private static IResult Get(string id, TenantStore store)
    {
        var client = store.Read(d => d.FindClient(id) is { } c ? new JsonObject { ["client_id"] = c.ClientId, ["name"] = c.Name } : null);
        return client is null
            ? ManagementErrors.Error(StatusCodes.Status404NotFound, "The client does not exist", "inexistent_client")
            : ManagementResults.Json(client);
    }
}
