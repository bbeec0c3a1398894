using System.Text.Json;
using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>The 202 answer to an enrolment start: the session to verify with and what the user needs to finish.</summary>
public sealed class MyAccountEnrollment
{
    /// <summary>The new method's id; passkeys have none (their verify path is the <c>Location</c> header's).</summary>
    public string? Id { get; set; }

    public string AuthSession { get; set; } = "";

    /// <summary>TOTP: the <c>otpauth://</c> URI to show as a QR code.</summary>
    public string? BarcodeUri { get; set; }

    /// <summary>TOTP: the secret to type in by hand.</summary>
    public string? ManualInputCode { get; set; }

    /// <summary>Recovery code: shown once.</summary>
    public string? RecoveryCode { get; set; }

    /// <summary>Passkey: the WebAuthn creation options for the browser.</summary>
    public JsonElement? AuthnParamsPublicKey { get; set; }

    /// <summary>The method's path segment for verify, exactly as the <c>Location</c> header gave it (still URL-encoded);
    /// not part of the body.</summary>
    [JsonIgnore]
    public string? LocationSegment { get; set; }
}
