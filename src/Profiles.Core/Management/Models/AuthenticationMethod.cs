namespace Profiles.Core.Management.Models;

/// <summary>One of a user's authentication methods as <c>GET /users/{id}/authentication-methods</c> lists it (phone numbers and
/// addresses come masked).</summary>
public sealed class AuthenticationMethod
{
    public string Id { get; set; } = "";

    /// <summary><c>totp</c>, <c>phone</c>, <c>email</c>, <c>push</c>, <c>webauthn-roaming</c>, <c>webauthn-platform</c>,
    /// <c>passkey</c>, <c>recovery-code</c>, <c>guardian</c>, <c>email-verification</c>, <c>password</c>.</summary>
    public string Type { get; set; } = "";

    public bool? Confirmed { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? EnrolledAt { get; set; }

    public DateTimeOffset? LastAuthAt { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Email { get; set; }

    public string? LinkId { get; set; }

    /// <summary>Passkeys: <c>single_device</c> or <c>multi_device</c>.</summary>
    public string? CredentialDeviceType { get; set; }

    public bool? CredentialBackedUp { get; set; }

    public string? Aaguid { get; set; }
}
