namespace Profiles.LocalTenant.Data;

/// <summary>One of a user's authentication methods (Auth0's MFA enrolments and passkeys), in the shape both the Management API
/// (<c>/users/{id}/authentication-methods</c>) and the My Account API (<c>/me/v1/authentication-methods</c>) read from.
/// Secrets are kept only as far as verification needs them: the TOTP secret, the recovery code's hash, the passkey's public key.</summary>
public sealed class TenantAuthenticationMethod : TenantDocument
{
    public override string Key => Id;

    /// <summary>Auth0's id shape, e.g. <c>totp|dev_XXXXXXXXXXXXXXXX</c>.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>My Account API factor name: <c>totp</c>, <c>recovery-code</c>, <c>email</c>, <c>phone</c>, <c>passkey</c>.</summary>
    public required string Type { get; set; }
    public string? Name { get; set; }
    public bool Confirmed { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAuthAt { get; set; }

    /// <summary>TOTP: the base32 secret, and the last time step accepted (a code is never accepted twice).</summary>
    public string? TotpSecret { get; set; }
    public long? LastTotpStep { get; set; }

    /// <summary>Recovery code: SHA-256 of the code.</summary>
    public string? RecoveryCodeHash { get; set; }

    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }

    /// <summary>Phone: <c>sms</c> or <c>voice</c>.</summary>
    public string? PreferredAuthenticationMethod { get; set; }

    /// <summary>Passkey: credential id (base64url), COSE public key (base64url), signature counter and the WebAuthn details
    /// Auth0 shows.</summary>
    public string? KeyId { get; set; }
    public string? PublicKey { get; set; }
    public uint SignCount { get; set; }
    public string? UserHandle { get; set; }
    public string? Aaguid { get; set; }
    public List<string> Transports { get; set; } = [];
    public bool CredentialBackedUp { get; set; }
    public string? CredentialDeviceType { get; set; }
    public string? UserAgent { get; set; }
    public string? RelyingPartyId { get; set; }
    public string? IdentityUserId { get; set; }

    /// <summary>Whether this method is a second factor the login challenge asks for (a recovery code only stands in for one).</summary>
    public bool IsSecondFactor => Confirmed && Type is AuthenticationMethodTypes.Totp or AuthenticationMethodTypes.Email
        or AuthenticationMethodTypes.Phone or AuthenticationMethodTypes.Passkey;
}
