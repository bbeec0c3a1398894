using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Management;

/// <summary>Checks a PATCH <c>/users/{id}</c> body against Auth0's <c>userUpdate</c> schema and its forbidden field
/// combinations, before anything about the user is looked at.</summary>
public static class UserPatchValidator
{
    public static readonly string[] AllowedProperties =
    [
        "app_metadata", "blocked", "email", "email_verified", "family_name", "given_name", "name", "nickname", "password", "phone_number",
        "phone_verified", "picture", "username", "user_metadata", "verify_email", "verify_phone_number", "connection", "client_id",
    ];

    /// <summary>Forbidden pairs with Auth0's messages, in the order Auth0's description lists them.</summary>
    private static readonly (string First, string Second)[] ForbiddenPairs =
    [
        ("password", "email"),
        ("password", "email_verified"),
        ("username", "email"),
        ("username", "email_verified"),
        ("username", "password"),
    ];

    /// <summary>Narrow scopes reach only their own part of the user (UNVERIFIED: Auth0's exact per-scope attribute lists):
    /// <c>update:users_app_metadata</c> → <c>app_metadata</c>, <c>update:current_user_metadata</c> → <c>user_metadata</c>.</summary>
    public static void CheckScopes(JsonObject body, ManagementCaller caller)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Scopes.Contains("update:users"))
        {
            return;
        }

        var allowed = new List<string>();
        if (caller.Scopes.Contains("update:users_app_metadata"))
        {
            allowed.Add("app_metadata");
        }

        if (caller.Scopes.Contains("update:current_user_metadata"))
        {
            allowed.Add("user_metadata");
        }

        var refused = body.Select(p => p.Key).Where(k => !allowed.Contains(k)).ToList();
        if (refused.Count > 0)
        {
            throw new ManagementProblem(StatusCodes.Status403Forbidden,
                "Your account is not allowed to update the following user attributes: " + string.Join(", ", refused), "insufficient_scope");
        }
    }

    public static void Validate(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ManagementBody.AllowOnly(body, AllowedProperties);
        foreach (var flag in new[] { "blocked", "email_verified", "phone_verified", "verify_email", "verify_phone_number" })
        {
            UserAttributeRules.CheckBool(body, flag);
        }

        UserAttributeRules.CheckString(body, "given_name", 1, 150);
        UserAttributeRules.CheckString(body, "family_name", 1, 150);
        UserAttributeRules.CheckString(body, "name", 1, 300);
        UserAttributeRules.CheckString(body, "nickname", 1, 300);
        UserAttributeRules.CheckString(body, "username", 1, 128);
        UserAttributeRules.CheckString(body, "password", 1, int.MaxValue, nullable: false);
        UserAttributeRules.CheckString(body, "connection", 1, int.MaxValue, nullable: false);
        UserAttributeRules.CheckString(body, "client_id", 1, int.MaxValue, nullable: false);
        UserAttributeRules.CheckEmail(body, nullable: false);
        UserAttributeRules.CheckPicture(body);
        UserAttributeRules.CheckPhone(body);
        UserAttributeRules.CheckMetadata(body, "user_metadata");
        UserAttributeRules.CheckMetadata(body, "app_metadata");

        foreach (var (first, second) in ForbiddenPairs)
        {
            if (body.ContainsKey(first) && body.ContainsKey(second))
            {
                throw ManagementProblem.InvalidBody($"Cannot update {first} and {second} simultaneously.");
            }
        }
    }
}
