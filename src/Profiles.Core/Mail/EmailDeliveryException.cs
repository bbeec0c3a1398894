namespace Profiles.Core.Mail;

/// <summary>An email the sender could not hand over (server refused it, unreachable, timed out, TLS or authentication failed).
/// An expected failure: callers tell the user, and never send again on their own.</summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
        : this(EmailDeliveryErrors.Error, "The email could not be sent.", null)
    {
    }

    public EmailDeliveryException(string message)
        : this(EmailDeliveryErrors.Error, message, null)
    {
    }

    public EmailDeliveryException(string message, Exception? innerException)
        : this(EmailDeliveryErrors.Error, message, innerException)
    {
    }

    public EmailDeliveryException(string errorType, string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    /// <summary>One of <see cref="EmailDeliveryErrors"/>: a fixed word, safe for logs and metric tags.</summary>
    public string ErrorType { get; }
}
