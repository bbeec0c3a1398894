namespace Profiles.LocalTenant.Data;

/// <summary>A one-time link the tenant emails or hands out: password reset, email verification, unblocking after brute-force protection
/// or enrolling a second factor.</summary>
public sealed class TenantTicket : TenantDocument
{
    public const string PasswordChange = "password-change";
    public const string EmailVerification = "email-verification";
    public const string Unblock = "unblock";

    /// <summary>A Guardian enrolment ticket, for the hosted enrolment page <c>/mfa/enrollment</c>.</summary>
    public const string MfaEnrollment = "mfa-enrollment";

    public override string Key => Id;

    /// <summary>32 URL-safe characters.</summary>
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public required string UserId { get; set; }

    /// <summary>The identity the ticket acts on (its connection), e.g. a secondary database identity.</summary>
    public string? Connection { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
    public string? ResultUrl { get; set; }
    public string? ClientId { get; set; }
    public bool MarkEmailAsVerified { get; set; }

    /// <summary>Guardian enrolment tickets: the factor the hosted page enrols (<c>otp</c>, <c>phone</c> or <c>email</c>).</summary>
    public string? Factor { get; set; }
    public bool Used { get; set; }
}
