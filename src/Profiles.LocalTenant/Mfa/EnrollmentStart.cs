using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Mfa;

/// <summary>A started enrolment and what the caller shows the user: the QR code URI and manual code (TOTP), the recovery code
/// (shown once), or the WebAuthn creation options (passkey).</summary>
public sealed record EnrollmentStart(PendingEnrollment Pending, string? BarcodeUri = null, string? ManualInputCode = null,
    string? RecoveryCode = null, JsonObject? PasskeyOptions = null);
