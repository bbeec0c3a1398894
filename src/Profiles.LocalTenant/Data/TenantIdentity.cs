using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Data;

/// <summary>One sign-in identity of a user (Auth0's <c>identities[]</c> entry).</summary>
public sealed class TenantIdentity
{
    public required string Connection { get; set; }
    public required string Provider { get; set; }

    /// <summary>The id without the provider prefix (Auth0's <c>identities[].user_id</c>).</summary>
    public required string UserId { get; set; }

    public bool IsSocial { get; set; }

    /// <summary>The linked account's own attributes (secondary identities only).</summary>
    public JsonObject? ProfileData { get; set; }

    /// <summary>PBKDF2 hash for database identities; never leaves the tenant.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Hashes of earlier passwords, newest first (password history policy).</summary>
    public List<string> PasswordHistory { get; set; } = [];

    /// <summary>The full Auth0 user id of this identity (<c>provider|user_id</c>).</summary>
    public string FullUserId => $"{Provider}|{UserId}";

    public TenantIdentity Clone()
    {
        var copy = (TenantIdentity)MemberwiseClone();
        copy.ProfileData = ProfileData?.DeepClone().AsObject();
        copy.PasswordHistory = [.. PasswordHistory];
        return copy;
    }
}
