using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>Body of <c>PATCH /users/{id}</c>. Only properties that were assigned are sent, and an assigned null is sent as
/// JSON null (Auth0 then clears the attribute, or deletes the metadata key).</summary>
[JsonConverter(typeof(UserUpdateRequestConverter))]
public sealed class UserUpdateRequest
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>True when nothing was assigned, so there is nothing to send.</summary>
    public bool IsEmpty => _values.Count == 0;

    /// <summary>The JSON keys that were assigned, in assignment order.</summary>
    public IEnumerable<string> AssignedKeys => _values.Keys;

    public string? Name { get => Get<string>("name"); set => Set("name", value); }

    public string? Nickname { get => Get<string>("nickname"); set => Set("nickname", value); }

    public string? GivenName { get => Get<string>("given_name"); set => Set("given_name", value); }

    public string? FamilyName { get => Get<string>("family_name"); set => Set("family_name", value); }

    public string? Picture { get => Get<string>("picture"); set => Set("picture", value); }

    public string? Email { get => Get<string>("email"); set => Set("email", value); }

    public bool? EmailVerified { get => Get<bool?>("email_verified"); set => Set("email_verified", value); }

    /// <summary>Sends a verification email for the new address (overrides what <see cref="EmailVerified"/> implies).</summary>
    public bool? VerifyEmail { get => Get<bool?>("verify_email"); set => Set("verify_email", value); }

    /// <summary>New password (database connections only). Never logged.</summary>
    public string? Password { get => Get<string>("password"); set => Set("password", value); }

    /// <summary>Needed with email or password changes of a secondary identity.</summary>
    public string? Connection { get => Get<string>("connection"); set => Set("connection", value); }

    public string? ClientId { get => Get<string>("client_id"); set => Set("client_id", value); }

    /// <summary>Keys to merge into <c>user_metadata</c> (first level; a null value deletes the key).</summary>
    public JsonObject? UserMetadata { get => Get<JsonObject>("user_metadata"); set => Set("user_metadata", value); }

    /// <summary>Keys to merge into <c>app_metadata</c>. For portal rules only (e.g. recording terms acceptance);
    /// never fill it from user input.</summary>
    public JsonObject? AppMetadata { get => Get<JsonObject>("app_metadata"); set => Set("app_metadata", value); }

    internal IEnumerable<KeyValuePair<string, object?>> Values => _values;

    private T? Get<T>(string key) => _values.TryGetValue(key, out var value) && value is T typed ? typed : default;

    private void Set(string key, object? value) => _values[key] = value;
}
