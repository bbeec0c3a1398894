using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Login;

/// <summary>Checks a database connection's email and password; a linked secondary identity signs in as its primary user.</summary>
public sealed class PasswordSignIn(TenantStore store)
{
    // Unknown emails still cost one hash check, so timing does not reveal which accounts exist.
    private static readonly string UnknownUserHash = PasswordHasher.Hash(Guid.NewGuid().ToString("N"));

    /// <summary>The primary user id when the credentials are right; otherwise null.</summary>
    public string? Verify(string connection, string email, string password)
    {
        var found = store.Read(d => d.FindByConnectionEmail(connection, email.Trim()) is { } f ? new { f.User.UserId, f.Identity.PasswordHash } : null);
        var valid = PasswordHasher.Verify(password, found?.PasswordHash ?? UnknownUserHash);
        return valid && found?.PasswordHash is not null ? found.UserId : null;
    }
}
