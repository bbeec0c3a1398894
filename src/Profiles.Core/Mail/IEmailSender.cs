namespace Profiles.Core.Mail;

/// <summary>Sends the portal's own emails: SMTP in production, the local tenant's outbox in development.</summary>
public interface IEmailSender
{
    /// <summary>Sends once. Never retried here: a timeout may still have delivered, and a second copy of a code or notice is
    /// worse than a clear failure.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
