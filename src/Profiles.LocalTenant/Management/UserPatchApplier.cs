using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Management;

/// <summary>Applies a validated PATCH body to a copy of the user, enforcing the rules that depend on the user and its
/// connections (facts B3). Throws <see cref="ManagementProblem"/> before the caller saves anything.</summary>
public static class UserPatchApplier
{
    public const string SocialRootAttributesMessage =
        "The following user attributes cannot be updated: family_name, given_name, name, nickname, picture. The connection must either be a database connection (using the Auth0 store), a passwordless connection (email or sms) or has disabled 'Sync user profile attributes at each login'.";

    public const string SecondaryRootAttributesMessage =
        "The following user attributes cannot be updated: family_name, given_name, name, nickname, picture. The specified connection belongs to a secondary identity.";

    private static readonly string[] RootProfileAttributes = ["family_name", "given_name", "name", "nickname", "picture"];

    /// <summary>What the caller must do after saving.</summary>
    /// <param name="VerificationTo">Send a verification email to this address (for <paramref name="Identity"/>), or nothing when null.</param>
    public sealed record Outcome(string? VerificationTo, TenantIdentity Identity);

    public static Outcome Apply(TenantData data, TenantUser user, JsonObject body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(body);
        var (target, isSecondary) = TargetIdentity(data, user, ManagementBody.OptionalString(body, "connection"));
        var connection = data.FindConnection(target.Connection)
            ?? throw ManagementProblem.InvalidBody("Connection does not exist.");

        if (RootProfileAttributes.Any(body.ContainsKey))
        {
            if (isSecondary)
            {
                throw ManagementProblem.InvalidBody(SecondaryRootAttributesMessage);
            }

            if (connection.IsSocial && connection.SetUserRootAttributes is not ("on_first_login" or "never_on_login"))
            {
                throw ManagementProblem.InvalidBody(SocialRootAttributesMessage);
            }
        }

        ApplyPassword(user, target, connection, ManagementBody.OptionalString(body, "password"), now);
        var verificationTo = ApplyEmail(data, user, target, isSecondary, connection, body);
        ApplyUsername(data, user, target, isSecondary, connection, body);
        ApplyRootAttributes(user, target, isSecondary, body);

        if (body.TryGetPropertyValue("user_metadata", out var userMetadata))
        {
            user.UserMetadata = MetadataMerge.Merge(user.UserMetadata, userMetadata);
        }

        if (body.TryGetPropertyValue("app_metadata", out var appMetadata))
        {
            user.AppMetadata = MetadataMerge.Merge(user.AppMetadata, appMetadata);
        }

        user.UpdatedAt = now;
        return new Outcome(verificationTo, target);
    }

    private static (TenantIdentity Identity, bool IsSecondary) TargetIdentity(TenantData data, TenantUser user, string? connectionName)
    {
        if (connectionName is null)
        {
            return (user.Primary, false);
        }

        if (data.FindConnection(connectionName) is null)
        {
            throw ManagementProblem.InvalidBody("Connection does not exist.");
        }

        var index = user.Identities.FindIndex(i => i.Connection == connectionName);
        return index < 0
            ? throw ManagementProblem.InvalidBody("Connection is not supported for this operation.")
            : (user.Identities[index], index > 0);
    }

    private static void ApplyPassword(TenantUser user, TenantIdentity target, TenantConnection connection, string? password, DateTimeOffset now)
    {
        if (password is null)
        {
            return;
        }

        if (!connection.IsDatabase)
        {
            throw ManagementProblem.InvalidBody("Cannot update password for non-database user.");
        }

        var check = PasswordPolicyChecker.Check(connection.PasswordPolicy, password, user, target);
        if (!check.Ok)
        {
            throw ManagementProblem.InvalidBody($"{check.ErrorName}: {check.Message}");
        }

        if (target.PasswordHash is not null)
        {
            target.PasswordHistory.Insert(0, target.PasswordHash);
            target.PasswordHistory = target.PasswordHistory.Take(Math.Max(connection.PasswordPolicy.HistorySize, 1)).ToList();
        }

        target.PasswordHash = PasswordHasher.Hash(password);
        user.LastPasswordReset = now;
    }

    private static string? ApplyEmail(TenantData data, TenantUser user, TenantIdentity target, bool isSecondary, TenantConnection connection, JsonObject body)
    {
        var email = ManagementBody.OptionalString(body, "email");
        var emailVerified = ManagementBody.OptionalBool(body, "email_verified");
        if (email is not null)
        {
            if (!connection.IsDatabase)
            {
                throw ManagementProblem.InvalidBody("Cannot update email for non-database user.");
            }

            email = email.ToLowerInvariant();
            var current = isSecondary ? target.ProfileData?["email"]?.GetValue<string>() : user.Email;
            if (!string.Equals(email, current, StringComparison.Ordinal))
            {
                var owner = data.FindByConnectionEmail(connection.Name, email);
                if (owner is { } found && !ReferenceEquals(found.Identity, target) && found.User.UserId != user.UserId)
                {
                    throw new ManagementProblem(StatusCodes.Status400BadRequest, "The specified new email already exists", "auth0_idp_error");
                }

                // UNVERIFIED (facts F5): a changed address is treated as unverified unless the caller says otherwise.
                emailVerified ??= false;
            }

            SetAttribute(user, target, isSecondary, "email", email);
        }

        if (emailVerified is { } verified)
        {
            SetAttribute(user, target, isSecondary, "email_verified", verified);
        }

        var address = email ?? (isSecondary ? target.ProfileData?["email"]?.GetValue<string>() : user.Email);
        return email is not null && ManagementBody.OptionalBool(body, "verify_email") == true ? address : null;
    }

    private static void ApplyUsername(TenantData data, TenantUser user, TenantIdentity target, bool isSecondary, TenantConnection connection, JsonObject body)
    {
        if (!body.TryGetPropertyValue("username", out var node))
        {
            return;
        }

        if (!connection.IsDatabase)
        {
            throw ManagementProblem.InvalidBody("Cannot update username for non-database user.");
        }

        var username = node?.GetValue<string>();
        if (username is not null && data.All<TenantUser>().Any(u => u.UserId != user.UserId && u.Primary.Connection == connection.Name
            && string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ManagementProblem(StatusCodes.Status400BadRequest, "The specified new username already exists", "auth0_idp_error");
        }

        SetAttribute(user, target, isSecondary, "username", username);
    }

    private static void ApplyRootAttributes(TenantUser user, TenantIdentity target, bool isSecondary, JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            switch (key)
            {
                case "given_name": user.GivenName = value?.GetValue<string>(); break;
                case "family_name": user.FamilyName = value?.GetValue<string>(); break;
                case "name": user.Name = value?.GetValue<string>(); break;
                case "nickname": user.Nickname = value?.GetValue<string>(); break;
                case "picture": user.Picture = value?.GetValue<string>(); break;
                case "blocked": user.Blocked = value?.GetValue<bool>(); break;
                case "phone_number": SetAttribute(user, target, isSecondary, key, value?.GetValue<string>()); break;
                case "phone_verified": SetAttribute(user, target, isSecondary, key, value?.GetValue<bool>()); break;
                default: break;
            }
        }
    }

    // A secondary identity's attributes live in its profileData; the primary's are the user's root attributes.
    private static void SetAttribute(TenantUser user, TenantIdentity target, bool isSecondary, string key, JsonNode? value)
    {
        if (isSecondary)
        {
            target.ProfileData ??= [];
            if (value is null)
            {
                target.ProfileData.Remove(key);
            }
            else
            {
                target.ProfileData[key] = value;
            }

            return;
        }

        switch (key)
        {
            case "email": user.Email = value?.GetValue<string>(); break;
            case "email_verified": user.EmailVerified = value?.GetValue<bool>() ?? false; break;
            case "username": user.Username = value?.GetValue<string>(); break;
            case "phone_number": user.PhoneNumber = value?.GetValue<string>(); break;
            case "phone_verified": user.PhoneVerified = value?.GetValue<bool>(); break;
            default: throw new ArgumentOutOfRangeException(nameof(key), key, "Not an identity attribute.");
        }
    }
}
