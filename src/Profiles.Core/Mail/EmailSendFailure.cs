
namespace Profiles.Core.Mail;

/// <summary>Which exceptions from <see cref="IEmailSender"/> mean "the email could not be sent" (an expected failure the
/// user is told about) rather than a programming error.</summary>
internal static class EmailSendFailure
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or EmailDeliveryException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
