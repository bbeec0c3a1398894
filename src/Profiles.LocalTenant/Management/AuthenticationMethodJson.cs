using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary>Authentication methods in the Management API's shape: email and phone masked as Auth0 masks them
/// (<c>chuc****@exam*******</c>, <c>XXXXXXXXXXX5044</c>), no <c>usage</c>, Auth0's <c>enrolled_at</c>.</summary>
public static class AuthenticationMethodJson
{
    public static JsonObject Method(TenantAuthenticationMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var json = new JsonObject { ["id"] = method.Id, ["type"] = method.Type, ["confirmed"] = method.Confirmed };
        Add(json, "name", method.Name);
        if (method.Email is not null)
        {
            json["email"] = MaskEmail(method.Email);
        }

        if (method.PhoneNumber is not null)
        {
            json["phone_number"] = new string('X', Math.Max(0, method.PhoneNumber.Length - 4)) + method.PhoneNumber[^Math.Min(4, method.PhoneNumber.Length)..];
            json["preferred_authentication_method"] = method.PreferredAuthenticationMethod ?? "sms";
        }

        if (method.Type == AuthenticationMethodTypes.Passkey)
        {
            Add(json, "key_id", method.KeyId);
            Add(json, "public_key", method.PublicKey);
            Add(json, "credential_device_type", method.CredentialDeviceType);
            json["credential_backed_up"] = method.CredentialBackedUp;
            Add(json, "identity_user_id", method.IdentityUserId);
            Add(json, "user_agent", method.UserAgent);
        }

        json["created_at"] = UserJson.Timestamp(method.CreatedAt);
        json["enrolled_at"] = UserJson.Timestamp(method.CreatedAt);
        if (method.LastAuthAt is { } last)
        {
            json["last_auth_at"] = UserJson.Timestamp(last);
        }

        return json;
    }

    /// <summary>The first four characters of the local part and of the domain, the rest starred.</summary>
    public static string MaskEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? Star(email) : Star(email[..at]) + "@" + Star(email[(at + 1)..]);
    }

    private static string Star(string part) => part.Length <= 4 ? part : part[..4] + new string('*', part.Length - 4);

    private static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
