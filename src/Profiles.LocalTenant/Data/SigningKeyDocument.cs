namespace Profiles.LocalTenant.Data;

/// <summary>The tenant's RS256 signing key, persisted so tokens stay valid across restarts.</summary>
public sealed class SigningKeyDocument : TenantDocument
{
    public override string Key => Kid;

    public required string Kid { get; set; }

    /// <summary>PKCS#8 private key, base64. Development-only key material: the tenant never runs in Production.</summary>
    public required string Pkcs8 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
