namespace Profiles.Core.Management.Models;

/// <summary>Body of <c>POST /me/v1/authentication-methods</c>: <c>totp</c> alone; <c>phone</c> with
/// <see cref="PhoneNumber"/> and <see cref="PreferredAuthenticationMethod"/> (<c>sms</c> or <c>voice</c>); <c>email</c> with
/// <see cref="Email"/>; <c>recovery-code</c> alone; <c>passkey</c> with <see cref="Connection"/>.</summary>
public sealed record MyAccountEnrollmentRequest(
    string Type,
    string? PhoneNumber = null,
    string? PreferredAuthenticationMethod = null,
    string? Email = null,
    string? Connection = null);
