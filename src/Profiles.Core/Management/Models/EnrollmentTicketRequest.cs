namespace Profiles.Core.Management.Models;

/// <summary>Body of <c>POST /guardian/enrollments/ticket</c>. <see cref="Factor"/> (<c>otp</c>, <c>phone</c>, <c>email</c>,
/// <c>push-notification</c>, <c>webauthn-roaming</c>, <c>webauthn-platform</c>) works only with Universal Login.</summary>
public sealed record EnrollmentTicketRequest(string UserId, string? Factor, bool SendMail = false, bool? AllowMultipleEnrollments = null);
