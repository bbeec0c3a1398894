namespace Profiles.LocalTenant.Data;

/// <summary>A browser where the user chose "remember this browser" after a second factor: its cookie token's hash, and until when
/// the challenge is skipped there (Auth0: about 30 days).</summary>
public sealed class TenantRememberedBrowser : TenantDocument
{
    public override string Key => TokenHash;

    public required string TokenHash { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
