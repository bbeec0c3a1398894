using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Seed;

namespace Profiles.LocalTenant.Management;

/// <summary>POST <c>/users</c>: creates a database-connection user with Auth0's defaults.</summary>
public sealed class UserCreator(TenantStore store, TicketIssuer tickets, TimeProvider time)
{
    private static readonly string[] AllowedProperties =
    [
        "email", "phone_number", "user_metadata", "blocked", "email_verified", "phone_verified", "app_metadata", "given_name", "family_name",
        "name", "nickname", "picture", "user_id", "connection", "password", "verify_email", "username",
    ];

    public JsonObject Create(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Validate(body);
        var connectionName = ManagementBody.OptionalString(body, "connection")!;
        var email = ManagementBody.OptionalString(body, "email")?.ToLowerInvariant();
        var user = store.Write(w =>
        {
            var connection = w.FindConnection(connectionName) ?? throw ManagementProblem.InvalidBody("Connection does not exist.");
            if (!connection.IsDatabase)
            {
                throw ManagementProblem.InvalidBody("Connection is not supported for this operation.");
            }

            var user = Draft(body, connection, email);
            if (w.FindUser(user.UserId) is not null
                || (email is not null && w.FindByConnectionEmail(connection.Name, email) is not null)
                || (user.Username is not null && w.All<TenantUser>().Any(u => u.Primary.Connection == connection.Name
                    && string.Equals(u.Username, user.Username, StringComparison.OrdinalIgnoreCase))))
            {
                throw new ManagementProblem(StatusCodes.Status409Conflict, "The user already exists.", "auth0_idp_error");
            }

            var password = ManagementBody.OptionalString(body, "password")!;
            var check = PasswordPolicyChecker.Check(connection.PasswordPolicy, password, user);
            if (!check.Ok)
            {
                throw ManagementProblem.InvalidBody($"{check.ErrorName}: {check.Message}");
            }

            user.Primary.PasswordHash = PasswordHasher.Hash(password);
            w.Save(user);
            return user;
        });

        // Auth0: verify_email wins when sent; otherwise an unverified address gets a verification email.
        var verify = ManagementBody.OptionalBool(body, "verify_email") ?? !user.EmailVerified;
        if (verify && user.Email is not null)
        {
            tickets.SendVerificationEmail(user.UserId, user.Primary.Connection, user.Email, clientId: null);
        }

        return UserJson.Write(user);
    }

    private static void Validate(JsonObject body)
    {
        ManagementBody.AllowOnly(body, AllowedProperties);
        if (ManagementBody.OptionalString(body, "connection") is null)
        {
            throw ManagementProblem.Payload("Missing required property: connection");
        }

        foreach (var flag in new[] { "blocked", "email_verified", "phone_verified", "verify_email" })
        {
            UserAttributeRules.CheckBool(body, flag);
        }

        UserAttributeRules.CheckString(body, "given_name", 1, 150);
        UserAttributeRules.CheckString(body, "family_name", 1, 150);
        UserAttributeRules.CheckString(body, "name", 1, 300);
        UserAttributeRules.CheckString(body, "nickname", 1, 300);
        UserAttributeRules.CheckString(body, "username", 1, 128);
        UserAttributeRules.CheckString(body, "user_id", 1, 255);
        UserAttributeRules.CheckEmail(body, nullable: false);
        UserAttributeRules.CheckPicture(body);
        UserAttributeRules.CheckPhone(body);
        UserAttributeRules.CheckMetadata(body, "user_metadata");
        UserAttributeRules.CheckMetadata(body, "app_metadata");
        if (ManagementBody.OptionalString(body, "email") is null)
        {
            throw ManagementProblem.Payload("Missing required property: email");
        }

        if (string.IsNullOrEmpty(ManagementBody.OptionalString(body, "password")))
        {
            throw ManagementProblem.Payload("Missing required property: password");
        }
    }

    private TenantUser Draft(JsonObject body, TenantConnection connection, string? email)
    {
        var id = ManagementBody.OptionalString(body, "user_id") ?? TenantIds.ObjectId();
        if (id.StartsWith("auth0|", StringComparison.Ordinal))
        {
            id = id["auth0|".Length..];
        }

        var identity = new TenantIdentity { Connection = connection.Name, Provider = "auth0", UserId = id, IsSocial = false };
        var now = time.GetUtcNow();
        return new TenantUser
        {
            UserId = identity.FullUserId,
            Email = email,
            EmailVerified = ManagementBody.OptionalBool(body, "email_verified") ?? false,
            Username = ManagementBody.OptionalString(body, "username"),
            PhoneNumber = ManagementBody.OptionalString(body, "phone_number"),
            PhoneVerified = ManagementBody.OptionalBool(body, "phone_verified"),
            GivenName = ManagementBody.OptionalString(body, "given_name"),
            FamilyName = ManagementBody.OptionalString(body, "family_name"),
            Name = ManagementBody.OptionalString(body, "name") ?? email,
            Nickname = ManagementBody.OptionalString(body, "nickname") ?? email?.Split('@')[0],
            Picture = ManagementBody.OptionalString(body, "picture") ?? (email is null ? null : SeedLoader.DefaultPicture(email)),
            Blocked = ManagementBody.OptionalBool(body, "blocked"),
            UserMetadata = MetadataMerge.Merge(null, body["user_metadata"]),
            AppMetadata = MetadataMerge.Merge(null, body["app_metadata"]),
            CreatedAt = now,
            UpdatedAt = now,
            Identities = [identity],
        };
    }
}
