namespace Profiles.Core.Management.Models;

/// <summary>One authentication method as the My Account API lists it (<c>GET /me/v1/authentication-methods</c>).</summary>
public sealed class MyAccountAuthenticationMethod
{
    public string Id { get; set; } = "";

    /// <summary><c>password</c>, <c>passkey</c>, <c>webauthn-platform</c>, <c>webauthn-roaming</c>, <c>totp</c>, <c>phone</c>,
    /// <c>email</c>, <c>push-notification</c>, <c>recovery-code</c>.</summary>
    public string Type { get; set; } = "";

    public bool? Confirmed { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? LastAuthAt { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Email { get; set; }

    /// <summary>Passkeys: <c>single_device</c> or <c>multi_device</c>.</summary>
    public string? CredentialDeviceType { get; set; }

    public bool? CredentialBackedUp { get; set; }

    public string? Aaguid { get; set; }

    /// <summary><c>primary</c> and/or <c>secondary</c>.</summary>
    public List<string> Usage { get; set; } = [];
}
