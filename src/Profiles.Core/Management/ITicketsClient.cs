using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Management API <c>/tickets</c> operations. Auth0 does not check who asks: confirm the user first.</summary>
public interface ITicketsClient
{
    /// <summary><c>POST /tickets/password-change</c>.</summary>
    Task<Ticket> CreatePasswordChangeTicketAsync(PasswordChangeTicketRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /tickets/email-verification</c>.</summary>
    Task<Ticket> CreateEmailVerificationTicketAsync(EmailVerificationTicketRequest request, CancellationToken cancellationToken = default);
}
