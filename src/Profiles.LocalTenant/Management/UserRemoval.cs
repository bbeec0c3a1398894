using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary>Deleting a user deletes its linked identities (they live in the same document) and everything issued to it.</summary>
internal static class UserRemoval
{
    public static void RemoveWithEverything(TenantWriter writer, string userId)
    {
        writer.Remove<TenantUser>(userId);
        RemoveIssued(writer, userId);
        Security.BruteForceProtection.Unblock(writer, userId);
    }

    /// <summary>Sessions, grants, refresh tokens and open tickets of <paramref name="userId"/>.</summary>
    public static void RemoveIssued(TenantWriter writer, string userId)
    {
        foreach (var session in writer.All<TenantSession>().Where(s => s.UserId == userId).ToList())
        {
            writer.Remove<TenantSession>(session.Key);
        }

        foreach (var grant in writer.All<TenantGrant>().Where(g => g.UserId == userId).ToList())
        {
            writer.Remove<TenantGrant>(grant.Key);
        }

        foreach (var token in writer.All<TenantRefreshToken>().Where(t => t.UserId == userId).ToList())
        {
            writer.Remove<TenantRefreshToken>(token.Key);
        }

        foreach (var ticket in writer.All<TenantTicket>().Where(t => t.UserId == userId).ToList())
        {
            writer.Remove<TenantTicket>(ticket.Key);
        }
    }
}
