using Profiles.LocalTenant.Authentication;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Login;

/// <summary>Checks a database connection's email and password under brute-force protection; a linked secondary identity
/// signs in as its primary user.</summary>
public sealed class PasswordSignIn(TenantStore store, BruteForceProtection bruteForce, AccountEmails emails)
{
    // Unknown emails still cost one hash check, so timing does not reveal which accounts exist.
    private static readonly string UnknownUserHash = PasswordHasher.Hash(Guid.NewGuid().ToString("N"));

    /// <summary>Checks the credentials sent from <paramref name="ip"/>.</summary>
    public PasswordSignInResult SignIn(string connection, string email, string password, string ip)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var identifier = email.Trim();
        var found = store.Read(d => d.FindByConnectionEmail(connection, identifier) is { } f ? new { f.User.UserId, f.Identity.PasswordHash } : null);
        var valid = PasswordHasher.Verify(password, found?.PasswordHash ?? UnknownUserHash) && found?.PasswordHash is not null;
        if (found is null)
        {
            return PasswordSignInResult.WrongCredentials;
        }

        // A blocked user is refused even with the right password, as Auth0 does.
        if (bruteForce.IsBlocked(found.UserId, ip))
        {
            return PasswordSignInResult.BlockedFor(found.UserId);
        }

        if (valid)
        {
            bruteForce.RecordSuccess(found.UserId, ip);
            return PasswordSignInResult.Succeeded(found.UserId);
        }

        if (!bruteForce.RecordFailure(found.UserId, identifier, ip, connection))
        {
            return PasswordSignInResult.WrongPasswordFor(found.UserId);
        }

        emails.SendUnblock(found.UserId, identifier.ToLowerInvariant(), ip, connection);
        return PasswordSignInResult.BlockedFor(found.UserId);
    }
}
