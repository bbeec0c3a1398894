using MailKit.Security;

namespace Profiles.Core.Mail;

/// <summary>The portal's own email, section <c>Profiles:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Profiles:Email";

    /// <summary><see cref="EmailDelivery.Smtp"/> (default) or <see cref="EmailDelivery.LocalTenantOutbox"/>.</summary>
    public string Delivery { get; set; } = EmailDelivery.Smtp;

    /// <summary>The From address, e.g. <c>Account &lt;account@example.com&gt;</c>.</summary>
    public string From { get; set; } = "";

    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 587;

    /// <summary>How the connection is secured: <c>StartTls</c> (default: plain connect, then STARTTLS, refused if the server
    /// does not offer it), <c>SslOnConnect</c> (TLS from the first byte, usually port 465), <c>Auto</c> (MailKit picks from the
    /// port; STARTTLS only when offered), <c>StartTlsWhenAvailable</c>, or <c>None</c> (only for a relay on localhost).</summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.StartTls;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Base URL of the local tenant whose outbox receives the mail (set by the embedded default).</summary>
    public string? OutboxUrl { get; set; }

    /// <summary>Longest send, connection and goodbye included; also the longest outbox POST.</summary>
    public int TimeoutSeconds { get; set; } = 15;
}
