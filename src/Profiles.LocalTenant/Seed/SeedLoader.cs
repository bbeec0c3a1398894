using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Seed;

/// <summary>Reads a seed file and writes its clients, connections and users into an empty store.</summary>
public static class SeedLoader
{
    public static SeedFile Read(string? path)
    {
        using var stream = string.IsNullOrWhiteSpace(path)
            ? typeof(SeedLoader).Assembly.GetManifestResourceStream("Profiles.LocalTenant.default-seed.json")!
            : File.OpenRead(path);
        return JsonSerializer.Deserialize<SeedFile>(stream, TenantStore.DocumentJson)
            ?? throw new InvalidOperationException("The seed file is empty.");
    }

    public static void Apply(TenantWriter writer, SeedFile seed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(seed);
        foreach (var client in seed.Clients)
        {
            writer.Save(client);
        }

        foreach (var connection in seed.Connections)
        {
            writer.Save(connection);
        }

        foreach (var seedUser in seed.Users)
        {
            var user = CreateUser(writer, seedUser, now);
            foreach (var linked in seedUser.Linked)
            {
                var secondary = CreateUser(writer, linked, now);
                var identity = secondary.Primary;
                identity.ProfileData = ProfileData(secondary);
                user.Identities.Add(identity);
            }

            writer.Save(user);
            foreach (var factor in seedUser.SecondFactors)
            {
                writer.Save(SecondFactor(user.UserId, factor, now));
            }
        }
    }

    private static TenantAuthenticationMethod SecondFactor(string userId, SeedSecondFactor factor, DateTimeOffset now)
    {
        var address = factor.Type switch
        {
            AuthenticationMethodTypes.Email => factor.Email,
            AuthenticationMethodTypes.Phone => factor.PhoneNumber,
            _ => throw new InvalidOperationException($"Seed second factor '{factor.Type}' is not email or phone."),
        };
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new InvalidOperationException($"Seed second factor '{factor.Type}' of {userId} has no address.");
        }

        return new TenantAuthenticationMethod
        {
            Id = AuthenticationMethodTypes.NewId(factor.Type),
            UserId = userId,
            Type = factor.Type,
            CreatedAt = now,
            Email = factor.Type == AuthenticationMethodTypes.Email ? address : null,
            PhoneNumber = factor.Type == AuthenticationMethodTypes.Phone ? address : null,
            PreferredAuthenticationMethod = factor.Type == AuthenticationMethodTypes.Phone ? "sms" : null,
        };
    }

    /// <summary>The linked account's attributes as Auth0 keeps them in <c>profileData</c>.</summary>
    public static JsonObject ProfileData(TenantUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var data = new JsonObject();
        void Add(string key, JsonNode? value)
        {
            if (value is not null)
            {
                data[key] = value;
            }
        }

        Add("email", user.Email);
        Add("email_verified", user.Email is null ? null : JsonValue.Create(user.EmailVerified));
        Add("name", user.Name);
        Add("nickname", user.Nickname);
        Add("given_name", user.GivenName);
        Add("family_name", user.FamilyName);
        Add("picture", user.Picture);
        Add("username", user.Username);
        return data;
    }

    /// <summary>Auth0's default picture for an email: gravatar with the initials avatar as fallback.</summary>
    public static string DefaultPicture(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
#pragma warning disable CA5351 // Gravatar addresses are MD5 of the email by definition; not a security use.
        var md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
#pragma warning restore CA5351
        var initials = new string(email.Where(char.IsLetter).Take(2).ToArray()).ToLowerInvariant();
        return $"https://s.gravatar.com/avatar/{md5}?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2F{initials}.png";
    }

    private static TenantUser CreateUser(TenantWriter writer, SeedUser seed, DateTimeOffset now)
    {
        var connection = writer.FindConnection(seed.Connection)
            ?? throw new InvalidOperationException($"Seed user refers to unknown connection '{seed.Connection}'.");
        var id = seed.Id ?? (connection.IsDatabase ? TenantIds.ObjectId() : TenantIds.Token(9));
        var email = seed.Email?.ToLowerInvariant();
        var identity = new TenantIdentity
        {
            Connection = connection.Name,
            Provider = connection.IsDatabase ? "auth0" : connection.Strategy,
            UserId = id,
            IsSocial = connection.IsSocial,
            PasswordHash = seed.Password is null ? null : PasswordHasher.Hash(seed.Password),
        };
        return new TenantUser
        {
            UserId = identity.FullUserId,
            Email = email,
            EmailVerified = seed.EmailVerified,
            Name = seed.Name ?? email,
            Nickname = seed.Nickname ?? email?.Split('@')[0],
            GivenName = seed.GivenName,
            FamilyName = seed.FamilyName,
            Picture = seed.Picture ?? (email is null ? null : DefaultPicture(email)),
            Blocked = seed.Blocked,
            UserMetadata = seed.UserMetadata?.Count > 0 ? seed.UserMetadata : null,
            AppMetadata = seed.AppMetadata?.Count > 0 ? seed.AppMetadata : null,
            CreatedAt = now,
            UpdatedAt = now,
            Identities = [identity],
        };
    }
}
