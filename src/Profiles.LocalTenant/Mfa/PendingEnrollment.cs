namespace Profiles.LocalTenant.Mfa;

/// <summary>An enrolment started (<c>POST …/authentication-methods</c>) and not yet verified: what its <c>auth_session</c> stands for.
/// <see cref="Code"/> is the one-time code sent for email and phone; <see cref="RecoveryCode"/> the code shown once;
/// <see cref="PasskeyOptions"/> the WebAuthn creation options (JSON) the attestation must answer; <see cref="WrongCodes"/> the wrong
/// codes the hosted enrolment page has seen for it.</summary>
public sealed record PendingEnrollment(
    string AuthSession,
    string UserId,
    string Type,
    string MethodId,
    DateTimeOffset ExpiresAt,
    string? TotpSecret = null,
    string? Code = null,
    string? Email = null,
    string? PhoneNumber = null,
    string? PreferredAuthenticationMethod = null,
    string? RecoveryCode = null,
    string? PasskeyOptions = null,
    string? IdentityUserId = null,
    int WrongCodes = 0);
