using System.Text.Json;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary>Which identity and address an email verification (job or ticket) is for: the primary identity, or the one
/// named by <c>identity{user_id, provider}</c> (required for social and secondary identities).</summary>
public sealed record VerificationTarget(string UserId, string Connection, string Email)
{
    public static VerificationTarget Resolve(TenantData data, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(body);
        var userId = ManagementBody.OptionalString(body, "user_id") ?? throw ManagementProblem.Payload("Missing required property: user_id");
        var user = data.FindUser(userId) ?? throw ManagementProblem.UserNotFound();
        var index = 0;
        if (body["identity"] is { } node)
        {
            if (node.GetValueKind() != JsonValueKind.Object)
            {
                throw ManagementProblem.Property($"Expected type object but found type {ManagementBody.TypeName(node)}", "identity");
            }

            var requested = node.AsObject();
            var provider = ManagementBody.OptionalString(requested, "provider") ?? throw ManagementProblem.Payload("Missing required property: identity.provider");
            var bareId = ManagementBody.OptionalString(requested, "user_id") ?? throw ManagementProblem.Payload("Missing required property: identity.user_id");
            index = user.Identities.FindIndex(i => i.Provider == provider && i.UserId == bareId);
            if (index < 0)
            {
                throw ManagementProblem.InvalidBody("The identity does not belong to the user.");
            }
        }
        else if (data.FindConnection(user.Primary.Connection) is not { IsDatabase: true })
        {
            throw ManagementProblem.InvalidBody("Connection must be a database connection");
        }

        var identity = user.Identities[index];
        var email = index == 0 ? user.Email : identity.ProfileData?["email"]?.GetValue<string>();
        return email is null
            ? throw ManagementProblem.InvalidBody("User does not have an email address.")
            : new VerificationTarget(user.UserId, identity.Connection, email);
    }
}
