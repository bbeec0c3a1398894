using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Profiles.LocalTenant.Management;

/// <summary>Schema checks for user attributes (Auth0's <c>userUpdate</c>/<c>userCreate</c> constraints and the data limits in
/// facts D), worded like Auth0's schema validator.</summary>
public static partial class UserAttributeRules
{
    /// <summary>Keys Auth0 refuses inside <c>app_metadata</c>.</summary>
    public static readonly IReadOnlySet<string> ReservedAppMetadataKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "__tenant", "_id", "blocked", "clientID", "created_at", "email_verified", "email", "globalClientID", "global_client_id", "identities",
        "lastIP", "lastLogin", "loginsCount", "metadata", "multifactor_last_modified", "multifactor", "updated_at", "user_id",
    };

    public static void CheckString(JsonObject body, string name, int min, int max, bool nullable = true)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.TryGetPropertyValue(name, out var node))
        {
            return;
        }

        if (node is null)
        {
            if (!nullable)
            {
                throw ManagementProblem.Property("Expected type string but found type null", name);
            }

            return;
        }

        var value = ManagementBody.OptionalString(body, name)!;
        if (value.Length < min)
        {
            throw ManagementProblem.Property(string.Format(CultureInfo.InvariantCulture, "String is too short ({0} chars), minimum {1}", value.Length, min), name);
        }

        if (value.Length > max)
        {
            throw ManagementProblem.Property(string.Format(CultureInfo.InvariantCulture, "String is too long ({0} chars), maximum {1}", value.Length, max), name);
        }
    }

    public static void CheckBool(JsonObject body, string name) => ManagementBody.OptionalBool(body, name);

    public static void CheckEmail(JsonObject body, bool nullable)
    {
        CheckString(body, "email", 1, 254, nullable);
        var email = ManagementBody.OptionalString(body, "email");
        if (email is not null && !IsEmail(email))
        {
            throw ManagementProblem.Property($"Object didn't pass validation for format email: {email}", "email");
        }
    }

    public static bool IsEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return EmailPattern().IsMatch(email) && at is > 0 and <= 64 && email.Length <= 254;
    }

    public static void CheckPicture(JsonObject body)
    {
        CheckString(body, "picture", 1, 2048);
        var picture = ManagementBody.OptionalString(body, "picture");
        if (picture is not null && !(Uri.TryCreate(picture, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !picture.Any(char.IsWhiteSpace)))
        {
            throw ManagementProblem.Property($"Object didn't pass validation for format strict-uri: {picture}", "picture");
        }
    }

    public static void CheckPhone(JsonObject body)
    {
        CheckString(body, "phone_number", 1, 16);
        var phone = ManagementBody.OptionalString(body, "phone_number");
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            throw ManagementProblem.Property($"String does not match pattern ^\\+[0-9]{{1,15}}$: {phone}", "phone_number");
        }
    }

    /// <summary>Metadata must be an object (or null); no key at any depth may contain <c>.</c> or <c>$</c>; no reserved
    /// <c>app_metadata</c> keys.</summary>
    public static void CheckMetadata(JsonObject body, string name)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return;
        }

        if (node.GetValueKind() != JsonValueKind.Object)
        {
            throw ManagementProblem.Property($"Expected type object but found type {ManagementBody.TypeName(node)}", name);
        }

        var metadata = node.AsObject();
        if (name == "app_metadata")
        {
            var reserved = metadata.Select(p => p.Key).FirstOrDefault(ReservedAppMetadataKeys.Contains);
            if (reserved is not null)
            {
                throw ManagementProblem.Property($"Reserved property not allowed: {reserved}", name);
            }
        }

        var bad = BadKey(metadata);
        if (bad is not null)
        {
            throw ManagementProblem.Property($"Metadata keys cannot contain '.' or '$': {bad}", name);
        }
    }

    private static string? BadKey(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Key.Contains('.', StringComparison.Ordinal) || p.Key.Contains('$', StringComparison.Ordinal) ? p.Key : BadKey(p.Value))
            .FirstOrDefault(k => k is not null),
        JsonArray array => array.Select(BadKey).FirstOrDefault(k => k is not null),
        _ => null,
    };

    [GeneratedRegex(@"^[^\s@]+@[^\s@]+\.[^\s@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+[0-9]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
