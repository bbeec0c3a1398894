namespace Profiles.Core.Mail;

/// <summary>An email the portal sends itself (codes, notices). Plain text is always present; HTML is optional.</summary>
/// <param name="Kind">A fixed name for the kind of email (<c>email_change_code</c>); the outbox shows it, tests filter by it.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string Kind, string? HtmlBody = null);
