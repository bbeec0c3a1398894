using Profiles.Core.Management.Models;

namespace Profiles.Core.Authenticators;

/// <summary>Turns either API's method into an <see cref="Authenticator"/>; methods that are not second factors or passkeys
/// (the password, email verification) and enrolments never confirmed are left out.</summary>
public sealed class AuthenticatorDescriber(KnownAuthenticators known)
{
    public Authenticator? Describe(MyAccountAuthenticationMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return KindOf(method.Type) is not { } kind || method.Confirmed == false
            ? null
            : new Authenticator(method.Id, kind, Blank(method.Name), Blank(method.PhoneNumber) ?? Blank(method.Email), method.CreatedAt,
                method.LastAuthAt, Storage(method.CredentialDeviceType), known.NameOf(method.Aaguid));
    }

    public Authenticator? Describe(AuthenticationMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return KindOf(method.Type) is not { } kind || method.Confirmed == false
            ? null
            : new Authenticator(method.Id, kind, Blank(method.Name), Blank(method.PhoneNumber) ?? Blank(method.Email), method.CreatedAt ?? method.EnrolledAt,
                method.LastAuthAt, Storage(method.CredentialDeviceType), known.NameOf(method.Aaguid), Blank(method.LinkId));
    }

    /// <summary>Second factors first (oldest first), then passkeys, then the recovery code.</summary>
    public static IReadOnlyList<Authenticator> Order(IEnumerable<Authenticator> methods) =>
        [.. methods.OrderBy(m => m.Kind switch { AuthenticatorKind.Passkey => 1, AuthenticatorKind.RecoveryCode => 2, _ => 0 })
            .ThenBy(m => m.AddedAt ?? DateTimeOffset.MaxValue)];

    internal static AuthenticatorKind? KindOf(string type) => type switch
    {
        "totp" => AuthenticatorKind.AuthenticatorApp,
        "phone" or "sms" or "voice" => AuthenticatorKind.Phone,
        "email" => AuthenticatorKind.Email,
        "push" or "push-notification" or "guardian" => AuthenticatorKind.Push,
        "webauthn-roaming" => AuthenticatorKind.SecurityKey,
        "webauthn-platform" => AuthenticatorKind.DeviceBiometrics,
        "passkey" => AuthenticatorKind.Passkey,
        "recovery-code" => AuthenticatorKind.RecoveryCode,
        _ => null,
    };

    private static PasskeyStorage? Storage(string? deviceType) => deviceType switch
    {
        "multi_device" => PasskeyStorage.Synced,
        "single_device" => PasskeyStorage.DeviceBound,
        _ => null,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
