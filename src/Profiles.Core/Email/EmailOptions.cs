namespace Profiles.Core.Email;

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

    /// <summary>STARTTLS/TLS to the SMTP server. Only a loopback relay may turn it off.</summary>
    public bool SmtpEnableSsl { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Base URL of the local tenant whose outbox receives the mail (set by the embedded default).</summary>
    public string? OutboxUrl { get; set; }

    public int TimeoutSeconds { get; set; } = 15;
}
