namespace Profiles.LocalTenant.Mfa;

/// <summary>Why an enrolment step was refused; each API words it in its own error shape.</summary>
public enum EnrollmentFailure
{
    None,

    /// <summary>The <c>auth_session</c> is unknown, expired, or belongs to another user or method.</summary>
    InvalidSession,

    /// <summary>The one-time code (or passkey attestation) did not verify.</summary>
    InvalidCode,

    /// <summary>The user already has a method of this type that allows only one (TOTP, recovery code, one email, one phone).</summary>
    AlreadyEnrolled,

    /// <summary>A field is missing or malformed (an email without <c>@</c>, a phone number not in E.164 form).</summary>
    InvalidField,
}
