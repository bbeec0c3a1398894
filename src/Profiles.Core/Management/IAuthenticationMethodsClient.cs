using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Management API operations on a user's second factors. There is deliberately no "add a method": Management's
/// <c>POST /users/{id}/authentication-methods</c> confirms a factor without proof of possession, so enrolment goes through
/// the My Account API or a Guardian enrolment ticket.</summary>
public interface IAuthenticationMethodsClient
{
    /// <summary><c>GET /users/{id}/authentication-methods</c> (scope <c>read:authentication_methods</c>).</summary>
    Task<IReadOnlyList<AuthenticationMethod>> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /users/{id}/authentication-methods/{method}</c> with a new nickname (<c>update:authentication_methods</c>).</summary>
    Task RenameAsync(string userId, string methodId, string name, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /users/{id}/authentication-methods/{method}</c> (204; <c>delete:authentication_methods</c>). Methods
    /// sharing its <c>link_id</c> go with it.</summary>
    Task DeleteAsync(string userId, string methodId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /users/{id}/recovery-code-regeneration</c> (<c>update:users</c>): the old code stops working.</summary>
    Task<RecoveryCodeRegeneration> RegenerateRecoveryCodeAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /users/{id}/multifactor/actions/invalidate-remember-browser</c> (204; <c>update:users</c>).</summary>
    Task InvalidateRememberedBrowsersAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /guardian/enrollments/ticket</c> (200; <c>create:guardian_enrollment_tickets</c>).</summary>
    Task<EnrollmentTicket> CreateEnrollmentTicketAsync(EnrollmentTicketRequest request, CancellationToken cancellationToken = default);
}
