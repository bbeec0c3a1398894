namespace Profiles.Core.Management.Models;

/// <summary>Answer of <c>POST /guardian/enrollments/ticket</c> (200): single use, valid five days.</summary>
public sealed class EnrollmentTicket
{
    public string TicketId { get; set; } = "";

    public string TicketUrl { get; set; } = "";
}
