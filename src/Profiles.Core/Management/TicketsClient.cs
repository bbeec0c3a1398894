using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for <c>/tickets</c>.</summary>
public sealed class TicketsClient(HttpClientSource http, TimeProvider timeProvider) : ITicketsClient
{
    private readonly ManagementConnection _connection = new(http, timeProvider);

    public TicketsClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public Task<Ticket> CreatePasswordChangeTicketAsync(PasswordChangeTicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = ManagementConnection.Json(request, ManagementJsonContext.Default.PasswordChangeTicketRequest);
        return _connection.SendAsync(HttpMethod.Post, "tickets/password-change", content, ManagementJsonContext.Default.Ticket, cancellationToken);
    }

    public Task<Ticket> CreateEmailVerificationTicketAsync(EmailVerificationTicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = ManagementConnection.Json(request, ManagementJsonContext.Default.EmailVerificationTicketRequest);
        return _connection.SendAsync(HttpMethod.Post, "tickets/email-verification", content, ManagementJsonContext.Default.Ticket, cancellationToken);
    }
}
