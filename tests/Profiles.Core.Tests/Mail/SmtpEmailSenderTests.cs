using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Profiles.Core.Mail;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Mail;

/// <summary><see cref="SmtpEmailSender"/> against a real SMTP server on 127.0.0.1 (<see cref="SmtpTestServer"/>).</summary>
public sealed class SmtpEmailSenderTests
{
    private static readonly EmailMessage Code = new("chuck@example.com", "Your verification code",
        "Your code is 123456.\n.\nIt expires in 15 minutes.", "email_change_code");

    private static SmtpEmailSender Sender(int port, Action<EmailOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new EmailOptions
        {
            From = "Account <account@example.com>",
            SmtpHost = "127.0.0.1",
            SmtpPort = port,
            SmtpSecurity = SecureSocketOptions.None,
        };
        configure?.Invoke(options);
        return new SmtpEmailSender(Options.Create(options), time ?? TimeProvider.System, NullLogger<SmtpEmailSender>.Instance);
    }

    private static MimeMessage Parse(ReceivedMail mail) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));

    private static string Lines(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    [Fact]
    public async Task A_plain_text_email_arrives_once_with_its_headers_and_body()
    {
        await using var server = new SmtpTestServer();

        await Sender(server.Port).SendAsync(Code, CancellationToken.None);

        var mail = Assert.Single(server.Messages);
        Assert.Equal("account@example.com", mail.From);
        Assert.Equal(["chuck@example.com"], mail.To);
        var message = Parse(mail);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Account", "account@example.com"), (from.Name, from.Address));
        Assert.Equal("chuck@example.com", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("Your verification code", message.Subject);
        Assert.Equal("text/plain", message.Body!.ContentType.MimeType);
        Assert.Equal("utf-8", message.Body.ContentType.Charset, ignoreCase: true);
        // The lone "." line survives the SMTP dot-stuffing both ways.
        Assert.Equal(Lines(Code.TextBody), Lines(message.TextBody));
        Assert.Equal(["EHLO", "MAIL", "RCPT", "DATA", "QUIT"], server.Commands);
    }

    [Fact]
    public async Task An_html_body_travels_as_multipart_alternative_beside_the_text()
    {
        await using var server = new SmtpTestServer();

        await Sender(server.Port).SendAsync(Code with { HtmlBody = "<p>Your code is <strong>123456</strong>.</p>" }, CancellationToken.None);

        var message = Parse(Assert.Single(server.Messages));
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Contains("<strong>123456</strong>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(Lines(Code.TextBody), Lines(message.TextBody));
    }

    [Fact]
    public async Task Configured_credentials_are_presented_before_the_message()
    {
        await using var server = new SmtpTestServer { Credentials = ("mailer", "relay-secret") };

        await Sender(server.Port, options => (options.SmtpUserName, options.SmtpPassword) = ("mailer", "relay-secret")).SendAsync(Code, CancellationToken.None);

        Assert.Equal("mailer", server.AuthenticatedAs);
        Assert.Single(server.Messages);
        Assert.True(server.Commands.ToList().IndexOf("AUTH") < server.Commands.ToList().IndexOf("MAIL"));
    }

    [Fact]
    public async Task Refused_credentials_are_an_authentication_failure_and_nothing_is_sent()
    {
        await using var server = new SmtpTestServer { Credentials = ("mailer", "relay-secret") };

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(server.Port, options => (options.SmtpUserName, options.SmtpPassword) = ("mailer", "wrong")).SendAsync(Code, CancellationToken.None));

        Assert.Equal(EmailDeliveryErrors.Authentication, error.ErrorType);
        Assert.Empty(server.Messages);
        Assert.DoesNotContain("MAIL", server.Commands);
    }

    [Fact]
    public async Task A_refused_recipient_is_a_send_failure_and_is_not_retried()
    {
        await using var server = new SmtpTestServer();
        server.RefusedRecipients.Add(Code.To);

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(server.Port).SendAsync(Code, CancellationToken.None));

        Assert.Equal(EmailDeliveryErrors.Refused, error.ErrorType);
        Assert.True(EmailSendFailure.Is(error, CancellationToken.None));
        Assert.DoesNotContain(Code.To, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.Messages);
        Assert.Equal(0, server.Commands.Count(command => command == "DATA"));
        Assert.Equal(1, server.Commands.Count(command => command == "MAIL"));
        Assert.Equal(1, server.Commands.Count(command => command == "RCPT"));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task A_server_that_never_greets_times_out_on_the_portal_clock()
    {
        await using var server = new SmtpTestServer(greet: false);
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            time.DriveAsync(Sender(server.Port, options => options.TimeoutSeconds = 15, time).SendAsync(Code, CancellationToken.None)));

        Assert.Equal(EmailDeliveryErrors.Timeout, error.ErrorType);
        Assert.True(EmailSendFailure.Is(error, CancellationToken.None));
        Assert.InRange(time.GetUtcNow() - start, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(16));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task No_server_listening_is_a_network_failure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(port).SendAsync(Code, CancellationToken.None));

        Assert.Equal(EmailDeliveryErrors.Network, error.ErrorType);
        Assert.True(EmailSendFailure.Is(error, CancellationToken.None));
    }

    [Fact]
    public async Task Starttls_is_required_when_configured_and_a_server_without_it_is_refused()
    {
        await using var server = new SmtpTestServer();

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(server.Port, options => options.SmtpSecurity = SecureSocketOptions.StartTls).SendAsync(Code, CancellationToken.None));

        Assert.True(EmailSendFailure.Is(error, CancellationToken.None));
        Assert.Empty(server.Messages);
        Assert.DoesNotContain("MAIL", server.Commands);
    }
}
