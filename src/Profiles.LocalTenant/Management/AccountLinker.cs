using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Seed;

namespace Profiles.LocalTenant.Management;

/// <summary>Account linking as Auth0 does it: the secondary user's identity moves into the primary (with its attributes
/// as <c>profileData</c>), its metadata is discarded and its own user record disappears; unlinking brings it back as a
/// standalone user without metadata.</summary>
public sealed class AccountLinker(TenantStore store, TimeProvider time)
{
    /// <returns>The primary after linking.</returns>
    public TenantUser Link(string primaryId, string secondaryId, string? connectionId) => store.Write(w =>
    {
        var primary = w.FindUser(primaryId)?.Clone() ?? throw ManagementProblem.UserNotFound();
        if (primaryId == secondaryId)
        {
            throw ManagementProblem.InvalidBody("Main identity and the new one are the same.");
        }

        var (provider, bareId) = Split(secondaryId);
        if (primary.Identities.Any(i => i.Provider == provider && i.UserId == bareId))
        {
            throw new ManagementProblem(StatusCodes.Status409Conflict, "Specified identity already exists.", "identity_conflict");
        }

        var secondary = w.FindUser(secondaryId) ?? throw ManagementProblem.UserNotFound();
        if (connectionId is not null && w.FindConnectionById(connectionId)?.Name != secondary.Primary.Connection)
        {
            throw ManagementProblem.InvalidBody("The provider/connection is not configured.");
        }

        if (secondary.Identities.Count > 1)
        {
            throw ManagementProblem.InvalidBody("The user to link has linked identities of its own; unlink them first.");
        }

        var identity = secondary.Primary.Clone();
        identity.ProfileData = SeedLoader.ProfileData(secondary);
        primary.Identities.Add(identity);
        primary.UpdatedAt = time.GetUtcNow();
        w.Save(primary);
        UserRemoval.RemoveWithEverything(w, secondaryId);
        return primary;
    });

    /// <returns>The primary after unlinking; unchanged when the identity was not linked (a retried unlink succeeds).</returns>
    public TenantUser Unlink(string primaryId, string provider, string bareId) => store.Write(w =>
    {
        var primary = w.FindUser(primaryId)?.Clone() ?? throw ManagementProblem.UserNotFound();
        if (primary.Primary.Provider == provider && primary.Primary.UserId == bareId)
        {
            throw ManagementProblem.InvalidBody("Main identity cannot be removed.");
        }

        var index = primary.Identities.FindIndex(i => i.Provider == provider && i.UserId == bareId);
        if (index < 0)
        {
            return primary;
        }

        var identity = primary.Identities[index];
        primary.Identities.RemoveAt(index);
        var now = time.GetUtcNow();
        primary.UpdatedAt = now;
        w.Save(primary);
        w.Save(Standalone(identity, now));
        return primary;
    });

    /// <summary>The unlinked identity as its own user: root attributes from its profileData, no metadata, password kept.</summary>
    private static TenantUser Standalone(TenantIdentity linked, DateTimeOffset now)
    {
        var identity = linked.Clone();
        var profile = identity.ProfileData ?? [];
        identity.ProfileData = null;
        string? Text(string key) => profile[key]?.GetValue<string>();
        return new TenantUser
        {
            UserId = identity.FullUserId,
            Email = Text("email"),
            EmailVerified = profile["email_verified"]?.GetValue<bool>() ?? false,
            Name = Text("name"),
            Nickname = Text("nickname"),
            GivenName = Text("given_name"),
            FamilyName = Text("family_name"),
            Picture = Text("picture"),
            Username = Text("username"),
            PhoneNumber = Text("phone_number"),
            CreatedAt = now,
            UpdatedAt = now,
            Identities = [identity],
        };
    }

    private static (string Provider, string BareId) Split(string fullId)
    {
        var bar = fullId.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? ("", fullId) : (fullId[..bar], fullId[(bar + 1)..]);
    }
}
