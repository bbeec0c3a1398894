namespace Profiles.Core.Authenticators;

/// <summary>What a method is, in the user's terms; each kind has a plain-language name on the page.</summary>
public enum AuthenticatorKind
{
    /// <summary><c>totp</c>: an authenticator app's six-digit codes.</summary>
    AuthenticatorApp,

    /// <summary><c>phone</c> (SMS or voice call).</summary>
    Phone,

    /// <summary><c>email</c>: codes sent by email.</summary>
    Email,

    /// <summary><c>push</c>, <c>push-notification</c>, <c>guardian</c>: approvals in the Auth0 Guardian app.</summary>
    Push,

    /// <summary><c>webauthn-roaming</c>: a security key used as a second factor.</summary>
    SecurityKey,

    /// <summary><c>webauthn-platform</c>: the device's fingerprint or face unlock used as a second factor.</summary>
    DeviceBiometrics,

    /// <summary><c>passkey</c>: signs in without a password.</summary>
    Passkey,

    /// <summary><c>recovery-code</c>: the one-time code for when every other factor is lost.</summary>
    RecoveryCode,
}
