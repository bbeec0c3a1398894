namespace Profiles.Core.Mail;

/// <summary>Values of <see cref="EmailOptions.Delivery"/>.</summary>
public static class EmailDelivery
{
    /// <summary>SMTP through MailKit (<see cref="SmtpEmailSender"/>).</summary>
    public const string Smtp = "Smtp";

    /// <summary>POST to the local tenant's <c>/outbox</c> (development and tests only).</summary>
    public const string LocalTenantOutbox = "LocalTenantOutbox";
}
