using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Seed;

namespace Profiles.LocalTenant.Login;

/// <summary>
/// Signs in through an emulated social connection as Auth0 does: a new identity creates a user <c>{strategy}|{id}</c>;
/// an existing primary identity refreshes the root attributes when the connection says <c>on_each_login</c>;
/// a linked (secondary) identity signs in as its primary user and refreshes its <c>profileData</c>.
/// </summary>
public sealed class SocialSignIn(TenantStore store, TimeProvider time)
{
    /// <summary>Returns the id of the user who is now signed in.</summary>
    public string SignIn(string connectionName, SocialProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var now = time.GetUtcNow();
        var email = profile.Email?.Trim().ToLowerInvariant();
        return store.Write(w =>
        {
            var connection = w.FindConnection(connectionName) ?? throw new InvalidOperationException("Unknown connection.");
            var owner = w.All<TenantUser>().FirstOrDefault(u => u.Identities.Any(i => i.Connection == connection.Name && i.UserId == profile.ProviderUserId));
            if (owner is null)
            {
                var identity = new TenantIdentity
                {
                    Connection = connection.Name,
                    Provider = connection.Strategy,
                    UserId = profile.ProviderUserId,
                    IsSocial = true,
                };
                var user = new TenantUser
                {
                    UserId = identity.FullUserId,
                    CreatedAt = now,
                    Identities = [identity],
                };
                ApplyRoot(user, profile, email, now);
                w.Save(user);
                return user.UserId;
            }

            var index = owner.Identities.FindIndex(i => i.Connection == connection.Name && i.UserId == profile.ProviderUserId);
            if (index == 0)
            {
                if (connection.SetUserRootAttributes == "on_each_login")
                {
                    ApplyRoot(owner, profile, email, now);
                    w.Save(owner);
                }
            }
            else
            {
                owner.Identities[index].ProfileData = ProfileData(profile, email, owner.Identities[index].ProfileData);
                owner.UpdatedAt = now;
                w.Save(owner);
            }

            return owner.UserId;
        });
    }

    private static void ApplyRoot(TenantUser user, SocialProfile profile, string? email, DateTimeOffset now)
    {
        user.Email = email;
        user.EmailVerified = email is not null && profile.EmailVerified;
        user.Name = profile.Name ?? email ?? profile.ProviderUserId;
        user.GivenName = profile.GivenName;
        user.FamilyName = profile.FamilyName;
        user.Nickname = profile.Nickname ?? email?.Split('@')[0] ?? user.Name;
        user.Picture = profile.Picture ?? (email is null ? user.Picture : SeedLoader.DefaultPicture(email));
        user.UpdatedAt = now;
    }

    private static JsonObject ProfileData(SocialProfile profile, string? email, JsonObject? previous)
    {
        var snapshot = new TenantUser
        {
            UserId = "",
            Email = email,
            EmailVerified = email is not null && profile.EmailVerified,
            Name = profile.Name ?? email,
            Nickname = profile.Nickname ?? email?.Split('@')[0],
            GivenName = profile.GivenName,
            FamilyName = profile.FamilyName,
            Picture = profile.Picture ?? previous?["picture"]?.GetValue<string>() ?? (email is null ? null : SeedLoader.DefaultPicture(email)),
        };
        return SeedLoader.ProfileData(snapshot);
    }
}
