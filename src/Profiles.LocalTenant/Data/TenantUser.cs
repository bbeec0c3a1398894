using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Data;

/// <summary>A user as the tenant stores it. <see cref="Identities"/>[0] is the primary identity.</summary>
public sealed class TenantUser : TenantDocument
{
    public override string Key => UserId;

    public required string UserId { get; set; }
    public string? Email { get; set; }
    public bool EmailVerified { get; set; }
    public string? Username { get; set; }
    public string? PhoneNumber { get; set; }
    public bool? PhoneVerified { get; set; }
    public string? Name { get; set; }
    public string? Nickname { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? Picture { get; set; }
    public bool? Blocked { get; set; }
    public JsonObject? UserMetadata { get; set; }
    public JsonObject? AppMetadata { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastLogin { get; set; }
    public string? LastIp { get; set; }
    public int? LoginsCount { get; set; }
    public DateTimeOffset? LastPasswordReset { get; set; }
    public List<TenantIdentity> Identities { get; set; } = [];

    /// <summary>The identity the user was created with (Auth0 never changes it).</summary>
    public TenantIdentity Primary => Identities[0];

    public TenantUser Clone()
    {
        var copy = (TenantUser)MemberwiseClone();
        copy.UserMetadata = UserMetadata?.DeepClone().AsObject();
        copy.AppMetadata = AppMetadata?.DeepClone().AsObject();
        copy.Identities = Identities.Select(i => i.Clone()).ToList();
        return copy;
    }
}
