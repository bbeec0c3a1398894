using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Seed;

/// <summary>The seed file's schema (documented in docs/local-tenant.md).</summary>
public sealed class SeedFile
{
    public List<TenantClient> Clients { get; set; } = [];
    public List<TenantConnection> Connections { get; set; } = [];
    public List<SeedUser> Users { get; set; } = [];
}

/// <summary>A seeded user: its primary identity, and identities linked to it.</summary>
public sealed class SeedUser
{
    /// <summary>Connection name of the primary identity.</summary>
    public required string Connection { get; set; }

    /// <summary>Id without provider prefix; random 24 hex for database users when empty.</summary>
    public string? Id { get; set; }

    public string? Email { get; set; }
    public bool EmailVerified { get; set; }

    /// <summary>Plain password for database identities (development-only demo accounts).</summary>
    public string? Password { get; set; }

    public string? Name { get; set; }
    public string? Nickname { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? Picture { get; set; }
    public bool? Blocked { get; set; }
    public JsonObject? UserMetadata { get; set; }
    public JsonObject? AppMetadata { get; set; }

    /// <summary>What the login page says about this demo account.</summary>
    public string? Description { get; set; }

    /// <summary>Identities linked to this user (secondary accounts).</summary>
    public List<SeedUser> Linked { get; set; } = [];

    /// <summary>Confirmed second factors: the sign-in asks for a code after the password.</summary>
    public List<SeedSecondFactor> SecondFactors { get; set; } = [];
}

/// <summary>A seeded second factor whose codes go to the tenant's outbox: <c>email</c> (with <see cref="Email"/>) or <c>phone</c>
/// (with <see cref="PhoneNumber"/>, E.164).</summary>
public sealed class SeedSecondFactor
{
    public required string Type { get; set; }
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }
}
