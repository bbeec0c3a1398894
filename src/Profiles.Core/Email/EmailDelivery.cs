namespace Profiles.Core.Email;

/// <summary>Values of <see cref="EmailOptions.Delivery"/>.</summary>
public static class EmailDelivery
{
    /// <summary>SMTP through <see cref="System.Net.Mail.SmtpClient"/>.</summary>
    public const string Smtp = "Smtp";

    /// <summary>POST to the local tenant's <c>/outbox</c> (development and tests only).</summary>
    public const string LocalTenantOutbox = "LocalTenantOutbox";
}
