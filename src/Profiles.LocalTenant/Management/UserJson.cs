using System.Globalization;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Seed;

namespace Profiles.LocalTenant.Management;

/// <summary>Writes users the way Auth0 does: snake_case keys, absent values omitted, millisecond UTC timestamps,
/// identities without the provider prefix and never a password hash.</summary>
public static class UserJson
{
    /// <summary>Field names <c>fields</c> may name (Auth0's OpenAPI pattern).</summary>
    public static readonly IReadOnlySet<string> SelectableFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "phone_number", "email", "email_verified", "picture", "username", "user_id", "name", "nickname", "created_at", "identities",
        "app_metadata", "user_metadata", "last_ip", "last_login", "logins_count", "updated_at", "blocked", "family_name", "given_name",
    };

    public static string Timestamp(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Write(TenantUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var json = new JsonObject();
        Add(json, "blocked", user.Blocked);
        Add(json, "created_at", Timestamp(user.CreatedAt));
        Add(json, "email", user.Email);
        if (user.Email is not null)
        {
            json["email_verified"] = user.EmailVerified;
        }

        Add(json, "family_name", user.FamilyName);
        Add(json, "given_name", user.GivenName);
        json["identities"] = new JsonArray(user.Identities.Select(i => (JsonNode)Identity(i, null)).ToArray());
        Add(json, "name", user.Name);
        Add(json, "nickname", user.Nickname);
        Add(json, "phone_number", user.PhoneNumber);
        Add(json, "phone_verified", user.PhoneVerified);
        Add(json, "picture", user.Picture);
        Add(json, "updated_at", Timestamp(user.UpdatedAt));
        Add(json, "user_id", user.UserId);
        Add(json, "user_metadata", user.UserMetadata?.DeepClone());
        Add(json, "username", user.Username);
        Add(json, "last_password_reset", user.LastPasswordReset is { } reset ? Timestamp(reset) : null);
        Add(json, "app_metadata", user.AppMetadata?.DeepClone());
        Add(json, "last_ip", user.LastIp);
        Add(json, "last_login", user.LastLogin is { } login ? Timestamp(login) : null);
        Add(json, "logins_count", user.LoginsCount);
        return json;
    }

    /// <summary>Applies <c>fields</c> / <c>include_fields</c> (include by default).</summary>
    public static JsonObject Write(TenantUser user, string? fields, string? includeFields)
    {
        var json = Write(user);
        var selected = ParseFields(fields);
        if (selected.Count == 0)
        {
            return json;
        }

        var include = !string.Equals(includeFields, "false", StringComparison.OrdinalIgnoreCase);
        foreach (var key in json.Select(p => p.Key).ToList())
        {
            if (selected.Contains(key) != include)
            {
                json.Remove(key);
            }
        }

        return json;
    }

    public static HashSet<string> ParseFields(string? fields)
    {
        var selected = (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = selected.FirstOrDefault(f => !SelectableFields.Contains(f));
        return unknown is null
            ? selected
            : throw new ManagementProblem(StatusCodes.Status400BadRequest,
                $"Query validation error: 'String does not match pattern: {unknown}' on property fields (Comma-separated list of fields to include or exclude (based on value provided for include_fields) in the result. Leave empty to retrieve all fields).",
                "invalid_query_string");
    }

    /// <summary>One <c>identities[]</c> entry. <paramref name="primaryOf"/>, when given, adds the primary's own
    /// attributes as <c>profileData</c>, as Auth0's link and unlink responses do.</summary>
    public static JsonObject Identity(TenantIdentity identity, TenantUser? primaryOf)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var json = new JsonObject();
        var profile = primaryOf is not null ? SeedLoader.ProfileData(primaryOf) : identity.ProfileData?.DeepClone();
        Add(json, "profileData", profile);
        json["connection"] = identity.Connection;
        json["user_id"] = identity.UserId;
        json["provider"] = identity.Provider;
        json["isSocial"] = identity.IsSocial;
        return json;
    }

    /// <summary>The identities array of link and unlink responses.</summary>
    public static JsonArray Identities(TenantUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new JsonArray(user.Identities.Select((identity, index) => (JsonNode)Identity(identity, index == 0 ? user : null)).ToArray());
    }

    private static void Add(JsonObject json, string key, JsonNode? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }
}
