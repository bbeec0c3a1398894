using System.Text.Json.Nodes;

namespace Profiles.Core.Management.Models;

/// <summary>The Management API user object (<c>GET /users/{id}</c>); absent keys stay null.</summary>
public sealed class Auth0User
{
    public string? UserId { get; set; }

    public string? Email { get; set; }

    public bool? EmailVerified { get; set; }

    public string? Username { get; set; }

    public string? PhoneNumber { get; set; }

    public bool? PhoneVerified { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public List<Auth0Identity>? Identities { get; set; }

    public JsonObject? AppMetadata { get; set; }

    public JsonObject? UserMetadata { get; set; }

    public string? Picture { get; set; }

    public string? Name { get; set; }

    public string? Nickname { get; set; }

    public List<string>? Multifactor { get; set; }

    public string? LastIp { get; set; }

    public DateTimeOffset? LastLogin { get; set; }

    public DateTimeOffset? LastPasswordReset { get; set; }

    public int? LoginsCount { get; set; }

    public bool? Blocked { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }
}
