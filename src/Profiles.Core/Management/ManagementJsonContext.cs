using System.Text.Json.Serialization;
using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Source-generated JSON metadata for every Management and Authentication API payload (no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(Auth0User))]
[JsonSerializable(typeof(List<Auth0User>))]
[JsonSerializable(typeof(List<Auth0Identity>))]
[JsonSerializable(typeof(UserUpdateRequest))]
[JsonSerializable(typeof(LinkAccountRequest))]
[JsonSerializable(typeof(VerificationEmailJobRequest))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(PasswordChangeTicketRequest))]
[JsonSerializable(typeof(EmailVerificationTicketRequest))]
[JsonSerializable(typeof(Ticket))]
[JsonSerializable(typeof(SessionsPage))]
[JsonSerializable(typeof(List<Grant>))]
[JsonSerializable(typeof(List<AuthenticationMethod>))]
[JsonSerializable(typeof(AuthenticationMethodNameUpdate))]
[JsonSerializable(typeof(RecoveryCodeRegeneration))]
[JsonSerializable(typeof(EnrollmentTicketRequest))]
[JsonSerializable(typeof(EnrollmentTicket))]
[JsonSerializable(typeof(ManagementErrorBody))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(Authentication.ChangePasswordRequest))]
internal sealed partial class ManagementJsonContext : JsonSerializerContext;
