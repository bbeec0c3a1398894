namespace Profiles.Core.Authenticators;

/// <summary>An enrolment started on the page and not yet verified, kept server-side (data-protected) until it is finished,
/// abandoned or out of attempts. The QR code and key are kept so the page can show them again after a wrong code.</summary>
public sealed record PendingEnrollment(
    EnrollableFactor Factor,
    string MethodSegment,
    string AuthSession,
    string? BarcodeUri,
    string? ManualCode,
    string? PasskeyOptions,
    int AttemptsLeft,
    DateTimeOffset ExpiresAt);
