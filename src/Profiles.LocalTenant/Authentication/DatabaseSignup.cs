using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Seed;

namespace Profiles.LocalTenant.Authentication;

/// <summary>Creates database users as <c>/dbconnections/signup</c> does, with Auth0's default root attributes.</summary>
public sealed partial class DatabaseSignup(TenantStore store, TimeProvider time, AccountEmails emails)
{
    public SignupResult SignUp(SignupInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ClientId is null)
        {
            return SignupResult.Fail("invalid_request", "Missing required parameter: client_id");
        }

        if (input.Connection is null)
        {
            return SignupResult.Fail("invalid_request", "Missing required parameter: connection");
        }

        if (input.Email is null || !EmailPattern().IsMatch(input.Email))
        {
            return SignupResult.Fail("invalid_request", input.Email is null ? "Missing required parameter: email" : "Invalid email address");
        }

        if (input.Password is null)
        {
            return SignupResult.Fail("invalid_request", "Missing required parameter: password");
        }

        if (MetadataProblem(input.UserMetadata) is { } metadataProblem)
        {
            return SignupResult.Fail("invalid_signup", metadataProblem);
        }

        var setup = store.Read(d =>
        {
            var client = d.FindClient(input.ClientId);
            var connection = d.FindConnection(input.Connection);
            return new
            {
                ClientKnown = client is not null,
                Enabled = client is not null && connection is not null
                    && (client.Connections.Count == 0 || client.Connections.Contains(connection.Name, StringComparer.Ordinal)),
                IsDatabase = connection?.IsDatabase == true,
                connection?.DisableSignup,
                connection?.PasswordPolicy,
            };
        });
        if (!setup.ClientKnown)
        {
            return SignupResult.Fail("invalid_request", "Unknown client: " + input.ClientId);
        }

        if (!setup.Enabled || !setup.IsDatabase)
        {
            return SignupResult.Fail("invalid_request", "The connection is not a database connection enabled for this application");
        }

        if (setup.DisableSignup == true)
        {
            return SignupResult.Fail("operation_not_allowed", "public signup is disabled");
        }

        var email = input.Email.Trim().ToLowerInvariant();
        var now = time.GetUtcNow();
        var id = TenantIds.ObjectId();
        var user = new TenantUser
        {
            UserId = "auth0|" + id,
            Email = email,
            EmailVerified = false,
            Username = input.Username,
            Name = input.Name ?? email,
            Nickname = input.Nickname ?? email.Split('@')[0],
            GivenName = input.GivenName,
            FamilyName = input.FamilyName,
            Picture = input.Picture ?? SeedLoader.DefaultPicture(email),
            UserMetadata = input.UserMetadata?.Count > 0 ? input.UserMetadata.DeepClone().AsObject() : null,
            CreatedAt = now,
            UpdatedAt = now,
            Identities = [new TenantIdentity { Connection = input.Connection, Provider = "auth0", UserId = id, IsSocial = false }],
        };

        var check = PasswordPolicyChecker.Check(setup.PasswordPolicy!, input.Password, user);
        if (!check.Ok)
        {
            return new SignupResult(null, PasswordErrors.Body(check), check.Message, check);
        }

        user.Primary.PasswordHash = PasswordHasher.Hash(input.Password);
        var created = store.Write(w =>
        {
            var taken = w.FindByConnectionEmail(input.Connection, email) is not null
                || (input.Username is not null && w.All<TenantUser>().Any(u => u.Identities.Any(i => i.Connection == input.Connection)
                    && string.Equals(u.Username, input.Username, StringComparison.OrdinalIgnoreCase)));
            if (taken)
            {
                return false;
            }

            w.Save(user);
            return true;
        });
        if (!created)
        {
            return SignupResult.Fail("invalid_signup", "Invalid sign up");
        }

        emails.SendVerification(user.UserId, email, input.Connection, input.ClientId);
        return new SignupResult(user.Clone(), null, null);
    }

    /// <summary>Signup metadata is limited to 10 string fields of at most 500 characters.</summary>
    private static string? MetadataProblem(JsonObject? metadata)
    {
        if (metadata is null)
        {
            return null;
        }

        if (metadata.Count > 10)
        {
            return "user_metadata can have at most 10 fields";
        }

        foreach (var (_, value) in metadata)
        {
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Length > 500)
            {
                return "user_metadata values must be strings of at most 500 characters";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
