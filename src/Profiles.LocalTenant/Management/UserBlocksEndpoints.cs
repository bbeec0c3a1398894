using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/user-blocks</c>: brute-force protection's blocks by identifier (email, username or phone number) or by user
/// id, read (<c>{"blocked_for":[{identifier, ip, connection}]}</c>) and lifted. An administrator's <c>blocked: true</c> is
/// not a block here, as in Auth0.</summary>
internal static class UserBlocksEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/user-blocks", ByIdentifier).RequireScopes("read:users");
        api.MapDelete("/user-blocks", UnblockByIdentifier).RequireScopes("update:users");
        api.MapGet("/user-blocks/{id}", ByUser).RequireScopes("read:users");
        api.MapDelete("/user-blocks/{id}", UnblockUser).RequireScopes("update:users");
    }

    private static IResult ByIdentifier(HttpRequest request, TenantStore store, BruteForceProtection bruteForce)
    {
        var identifier = Identifier(request);
        if (Ignored(request, bruteForce))
        {
            return Blocks([]);
        }

        return Blocks(store.Read(d => UsersOf(d, identifier).SelectMany(u => bruteForce.BlocksOf(d, u.UserId)).ToList()));
    }

    private static IResult UnblockByIdentifier(HttpRequest request, TenantStore store)
    {
        var identifier = Identifier(request);
        store.Write(w =>
        {
            foreach (var user in UsersOf(w, identifier).ToList())
            {
                BruteForceProtection.Unblock(w, user.UserId);
            }
        });
        return ManagementResults.NoContent();
    }

    private static IResult ByUser(string id, HttpRequest request, TenantStore store, BruteForceProtection bruteForce)
    {
        var blocks = store.Read(d => d.FindUser(id) is null ? null : bruteForce.BlocksOf(d, id));
        if (blocks is null)
        {
            return ManagementErrors.UserNotFound();
        }

        return Blocks(Ignored(request, bruteForce) ? [] : blocks);
    }

    private static IResult UnblockUser(string id, TenantStore store)
    {
        var found = store.Write(w =>
        {
            if (w.FindUser(id) is null)
            {
                return false;
            }

            BruteForceProtection.Unblock(w, id);
            return true;
        });
        return found ? ManagementResults.NoContent() : ManagementErrors.UserNotFound();
    }

    private static string Identifier(HttpRequest request)
        => request.Query["identifier"].ToString() is { Length: > 0 } identifier
            ? identifier
            : throw new ManagementProblem(StatusCodes.Status400BadRequest, "Query validation error: 'Missing required property: identifier'.", "invalid_query_string");

    // consider_brute_force_enablement=true: an empty list when protection is off.
    private static bool Ignored(HttpRequest request, BruteForceProtection bruteForce)
        => string.Equals(request.Query["consider_brute_force_enablement"].ToString(), "true", StringComparison.OrdinalIgnoreCase) && !bruteForce.Enabled;

    // Auth0 matches the identifier against the email (stored in lower case), the username and the phone number.
    private static IEnumerable<TenantUser> UsersOf(TenantData data, string identifier)
        => data.All<TenantUser>().Where(u => string.Equals(u.Email, identifier, StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.Username, identifier, StringComparison.Ordinal) || string.Equals(u.PhoneNumber, identifier, StringComparison.Ordinal));

    private static IResult Blocks(IReadOnlyList<TenantLoginFailures> blocks)
        => ManagementResults.Json(new JsonObject
        {
            ["blocked_for"] = new JsonArray(blocks.Select(b => (JsonNode)new JsonObject
            {
                ["identifier"] = b.Identifier,
                ["ip"] = b.Ip,
                ["connection"] = b.Connection,
            }).ToArray()),
        });
}
