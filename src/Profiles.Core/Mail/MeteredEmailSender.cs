using Profiles.Core.Telemetry;

namespace Profiles.Core.Mail;

/// <summary>Counts what the delivery it wraps did with each email (<see cref="EmailMetrics"/>); sends nothing itself.</summary>
public sealed class MeteredEmailSender(IEmailSender inner, string delivery, EmailMetrics metrics) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await inner.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            metrics.RecordFailed(message.Kind, delivery, ErrorTypeOf(ex));
            throw;
        }

        metrics.RecordSent(message.Kind, delivery);
    }

    private static string ErrorTypeOf(Exception exception) => exception switch
    {
        EmailDeliveryException delivery => delivery.ErrorType,
        HttpRequestException => EmailDeliveryErrors.Network,
        OperationCanceledException => EmailDeliveryErrors.Timeout,
        _ => EmailDeliveryErrors.Error,
    };
}
