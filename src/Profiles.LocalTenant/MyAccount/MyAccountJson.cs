using System.Text;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Management;

namespace Profiles.LocalTenant.MyAccount;

/// <summary>Authentication methods in the My Account API's shapes (<c>AuthenticationMethod*</c> schemas): a <c>usage</c> on every
/// method, values shown unmasked to their owner.</summary>
public static class MyAccountJson
{
    public static JsonObject Method(TenantAuthenticationMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var json = new JsonObject { ["id"] = method.Id, ["type"] = method.Type };
        if (method.Type == AuthenticationMethodTypes.Passkey)
        {
            json["credential_backed_up"] = method.CredentialBackedUp;
            Add(json, "credential_device_type", method.CredentialDeviceType);
            Add(json, "identity_user_id", method.IdentityUserId);
            Add(json, "key_id", method.KeyId);
            Add(json, "public_key", method.PublicKey);
            json["transports"] = new JsonArray([.. method.Transports.Select(t => (JsonNode)t)]);
            Add(json, "user_agent", method.UserAgent);
            Add(json, "user_handle", method.UserHandle);
            Add(json, "aaguid", method.Aaguid);
            Add(json, "relying_party_id", method.RelyingPartyId);
            json["usage"] = Usage("primary");
        }
        else
        {
            json["confirmed"] = method.Confirmed;
            if (method.Type != AuthenticationMethodTypes.RecoveryCode)
            {
                Add(json, "name", method.Name);
            }

            Add(json, "email", method.Email);
            Add(json, "phone_number", method.PhoneNumber);
            Add(json, "preferred_authentication_method", method.PreferredAuthenticationMethod);
            json["usage"] = Usage("secondary");
        }

        json["created_at"] = UserJson.Timestamp(method.CreatedAt);
        if (method.LastAuthAt is { } last)
        {
            json["last_auth_at"] = UserJson.Timestamp(last);
        }

        return json;
    }

    /// <summary>The password of a database identity, as the My Account API lists it (<c>password|{base64url of the identity id}</c>).</summary>
    public static JsonObject Password(TenantUser user, TenantIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(identity);
        var json = new JsonObject
        {
            ["id"] = PasswordId(identity),
            ["type"] = "password",
            ["identity_user_id"] = identity.FullUserId,
            ["usage"] = Usage("primary"),
            ["created_at"] = UserJson.Timestamp(user.CreatedAt),
        };
        if (user.LastPasswordReset is { } reset)
        {
            json["last_password_reset"] = UserJson.Timestamp(reset);
        }

        return json;
    }

    public static string PasswordId(TenantIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return "password|" + TenantIds.Base64UrlEncode(Encoding.UTF8.GetBytes(identity.UserId));
    }

    private static JsonArray Usage(string usage) => [usage];

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
