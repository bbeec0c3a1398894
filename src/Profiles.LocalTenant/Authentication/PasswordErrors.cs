using System.Text.Json.Nodes;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Authentication;

/// <summary>Auth0's legacy password error bodies (<c>PasswordStrengthError</c> with its rules, and the other policy errors).</summary>
public static class PasswordErrors
{
    public static JsonObject Body(PasswordCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        JsonNode description = check.ErrorName == "PasswordStrengthError"
            ? new JsonObject { ["rules"] = new JsonArray([.. check.Rules.Select(Rule)]), ["verified"] = false }
            : JsonValue.Create(check.Message);
        return new JsonObject
        {
            ["name"] = check.ErrorName,
            ["message"] = check.Message,
            ["code"] = "invalid_password",
            ["description"] = description,
            ["policy"] = check.PolicyText,
            ["statusCode"] = StatusCodes.Status400BadRequest,
        };
    }

    private static JsonNode Rule(PasswordRule rule)
    {
        var node = new JsonObject
        {
            ["message"] = rule.Message,
            ["format"] = new JsonArray([.. rule.Format.Select(f => (JsonNode?)JsonValue.Create(f))]),
            ["code"] = rule.Code,
            ["verified"] = rule.Verified,
        };
        if (rule.Items is not null)
        {
            node["items"] = new JsonArray([.. rule.Items.Select(i => (JsonNode?)new JsonObject
            {
                ["message"] = i.Message,
                ["code"] = i.Code,
                ["verified"] = i.Verified,
            })]);
        }

        return node;
    }
}
