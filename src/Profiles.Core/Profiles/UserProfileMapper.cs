using System.Text.Json.Nodes;
using Profiles.Core.Management.Models;

namespace Profiles.Core.Profiles;

/// <summary>Turns the Management API user into the portal's <see cref="UserProfile"/>.</summary>
public static class UserProfileMapper
{
    /// <summary>Providers whose users always own their root attributes: database and passwordless.</summary>
    private static readonly string[] EditableProviders = ["auth0", "email", "sms"];

    /// <summary>Maps <paramref name="user"/>; Auth0 lists the primary identity first.</summary>
    public static UserProfile Map(Auth0User user, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        var identities = user.Identities ?? [];
        var linked = new List<LinkedIdentity>(identities.Count);
        for (var i = 0; i < identities.Count; i++)
        {
            var identity = identities[i];
            var email = i == 0 ? user.Email : ReadString(identity.ProfileData, "email");
            linked.Add(new LinkedIdentity(identity.Provider ?? "", identity.Connection ?? "", identity.UserId ?? "", identity.IsSocial, i == 0, email));
        }

        var primary = identities.Count > 0 ? identities[0] : null;
        var primaryConnection = primary?.Connection ?? "";
        var readOnly = primary is not null
            && !EditableProviders.Contains(primary.Provider ?? "", StringComparer.OrdinalIgnoreCase)
            && !options.EditableSocialConnections.Contains(primaryConnection, StringComparer.OrdinalIgnoreCase);

        return new UserProfile(
            user.UserId ?? "",
            user.Email,
            user.EmailVerified ?? false,
            user.Name,
            user.Nickname,
            user.GivenName,
            user.FamilyName,
            user.Picture,
            user.CreatedAt,
            user.LastLogin,
            linked,
            Materialize(user.UserMetadata),
            Materialize(user.AppMetadata),
            readOnly,
            primaryConnection,
            identities.Any(identity => string.Equals(identity.Provider, "auth0", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A parsed <see cref="JsonObject"/> builds its children lazily on first access, which is not thread-safe; the profile
    /// is cached and read by concurrent requests, so every level is built here, before it is shared.</summary>
    private static JsonObject Materialize(JsonObject? source)
    {
        if (source is null)
        {
            return new JsonObject();
        }

        Touch(source);
        return source;
    }

    private static void Touch(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Touch(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Touch(child);
                }

                break;
        }
    }

    private static string? ReadString(JsonObject? data, string key) =>
        data is not null && data.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
