using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Profiles.Core.Mail;

/// <summary>SMTP with MailKit: one connection per email, TLS as <see cref="EmailOptions.SmtpSecurity"/> says, optional
/// authentication, the whole exchange bounded by <see cref="EmailOptions.TimeoutSeconds"/> on the portal's clock. Exactly one
/// attempt: a failure surfaces as <see cref="EmailDeliveryException"/>, and a failure after the server accepted the message
/// (while saying goodbye) is not a failure.</summary>
public sealed partial class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var timeoutAfter = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        using var timeout = new CancellationTokenSource(timeoutAfter, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var client = new SmtpClient { Timeout = (int)timeoutAfter.TotalMilliseconds };
        try
        {
            var mime = Compose(settings.From, message);
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.SmtpSecurity, linked.Token);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", linked.Token);
            }

            await client.SendAsync(mime, linked.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException(EmailDeliveryErrors.Timeout, "The SMTP server did not finish within the timeout.", ex);
        }
        catch (Exception ex) when (Classify(ex) is { } errorType)
        {
            throw new EmailDeliveryException(errorType, "The SMTP server did not take the email.", ex);
        }

        try
        {
            await client.DisconnectAsync(true, linked.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException || Classify(ex) is not null)
        {
            // The server has accepted the message; reporting a failure now could make someone send it again.
            LogDisconnectFailed(logger, ex.GetType().Name);
        }
    }

    private static MimeMessage Compose(string from, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    private static string? Classify(Exception exception) => exception switch
    {
        SmtpCommandException => EmailDeliveryErrors.Refused,
        AuthenticationException => EmailDeliveryErrors.Authentication,
        SslHandshakeException => EmailDeliveryErrors.Tls,
        ProtocolException or NotSupportedException => EmailDeliveryErrors.Protocol,
        ParseException => EmailDeliveryErrors.InvalidAddress,
        IOException or SocketException or ServiceNotConnectedException => EmailDeliveryErrors.Network,
        TimeoutException => EmailDeliveryErrors.Timeout,
        _ => null,
    };

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "SMTP server accepted the email but closing the connection failed ({ErrorType})")]
    private static partial void LogDisconnectFailed(ILogger logger, string errorType);
}
