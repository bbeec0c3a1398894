namespace Profiles.Core.Mail;

/// <summary>Values of <see cref="EmailDeliveryException.ErrorType"/>.</summary>
public static class EmailDeliveryErrors
{
    /// <summary>The server answered a command with an error (e.g. 550 for the recipient).</summary>
    public const string Refused = "refused";

    /// <summary>No connection, or it dropped.</summary>
    public const string Network = "network";

    /// <summary>The send did not finish within <see cref="EmailOptions.TimeoutSeconds"/>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The TLS handshake failed.</summary>
    public const string Tls = "tls";

    /// <summary>The server refused the credentials.</summary>
    public const string Authentication = "authentication";

    /// <summary>The server spoke something other than SMTP, or not what was expected.</summary>
    public const string Protocol = "protocol";

    /// <summary>An address could not be parsed.</summary>
    public const string InvalidAddress = "invalid_address";

    /// <summary>Anything else.</summary>
    public const string Error = "error";
}
